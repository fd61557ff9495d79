using System.Text.RegularExpressions;
using Dispatch.Cli.Tests.Infrastructure;
using Dispatch.Tests.Postgres;
using Npgsql;

namespace Dispatch.Cli.Tests;

/// <summary>`dispatch bench ingest --postgres`: the same end-to-end check with the server storing in a throw-away PostgreSQL schema.</summary>
[Collection(PrivatePostgresCollection.Name)]
public sealed class BenchIngestPostgresTests(PrivatePostgres postgres)
{
    [Fact]
    public async Task Every_acknowledged_order_is_counted_in_postgres_and_the_schema_is_dropped_after()
    {
        var result = await DispatchCli.RunAsync("bench", "ingest", "--orders", "5000", "--batch-size", "400", "--postgres", postgres.ConnectionString);

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Regex.Match(result.Stdout, @"^ingest: 5000 orders in [0-9.]+ s = [0-9]+ orders/s; acknowledged (\d+), stored (\d+) \(stored == acknowledged\); peak \d+ MiB; PostgreSQL$", RegexOptions.Multiline);
        Assert.True(line.Success, result.Stdout);
        Assert.Equal(("5000", "5000"), (line.Groups[1].Value, line.Groups[2].Value));
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var schemas = new NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'bench_ingest_%'", connection);
        Assert.Equal(0L, await schemas.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Sqlite_file_and_postgres_together_are_refused()
    {
        var result = await DispatchCli.RunAsync("bench", "ingest", "--orders", "10", "--db", "x.db", "--postgres", postgres.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give --db (SQLite) or --postgres, not both", result.Stderr, StringComparison.Ordinal);
    }
}
