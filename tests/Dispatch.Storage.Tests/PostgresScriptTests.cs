using Dispatch.Tests.Postgres;

namespace Dispatch.Storage.Tests;

/// <summary>tools/postgres/start.sh and stop.sh on the run's private instance (which the fixture started with start.sh).</summary>
[Collection(PrivatePostgresCollection.Name)]
public sealed class PostgresScriptTests(PrivatePostgres postgres)
{
    [Fact]
    public async Task Starting_a_running_folder_says_so_and_prints_its_connection_string()
    {
        var (exit, output) = await PrivatePostgres.RunAsync(PrivatePostgres.Script("start.sh"), postgres.Folder);

        Assert.Equal(0, exit);
        Assert.Contains($"PostgreSQL in {postgres.Folder} is already running", output, StringComparison.Ordinal);
        Assert.Equal(postgres.ConnectionString, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
    }

    [Theory]
    [InlineData("start.sh", 64)]
    [InlineData("stop.sh", 64)]
    public async Task Without_a_folder_the_scripts_print_their_usage(string script, int expectedExit)
    {
        var (exit, output) = await PrivatePostgres.RunAsync(PrivatePostgres.Script(script));

        Assert.Equal(expectedExit, exit);
        Assert.Contains("usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_port_or_a_folder_that_is_not_a_data_folder_is_refused_with_a_reason()
    {
        string folder = Path.Combine(Path.GetTempPath(), "dispatch-postgres-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not a database");
        try
        {
            var badPort = await PrivatePostgres.RunAsync(PrivatePostgres.Script("start.sh"), folder, "99999");
            var notEmpty = await PrivatePostgres.RunAsync(PrivatePostgres.Script("start.sh"), folder, "55431");
            var stopNothing = await PrivatePostgres.RunAsync(PrivatePostgres.Script("stop.sh"), folder);

            Assert.Equal((64, true), (badPort.Exit, badPort.Output.Contains("PORT must be a number from 1 to 65535", StringComparison.Ordinal)));
            Assert.Equal((65, true), (notEmpty.Exit, notEmpty.Output.Contains("is not empty and holds no PostgreSQL data folder", StringComparison.Ordinal)));
            Assert.Equal((65, true), (stopNothing.Exit, stopNothing.Output.Contains("holds no PostgreSQL data folder", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
