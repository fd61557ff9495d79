using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dispatch.Storage;
using Npgsql;

namespace Dispatch.Tests.Postgres;

/// <summary>
/// One private PostgreSQL for the test run: tools/postgres/start.sh into a fresh temporary folder on a free port,
/// stopped and deleted at the end. Each test takes a schema of its own (<see cref="NewSchema"/>). When PostgreSQL is
/// not installed the tests fail with a message saying so: they never skip.
/// </summary>
public sealed class PrivatePostgres : IAsyncLifetime
{
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromMinutes(2);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-postgres-tests", Guid.NewGuid().ToString("N"));
    private string? _connectionString;
    private int _schemas;

    /// <summary>The instance's data folder.</summary>
    public string Folder => _folder;

    /// <summary>The instance's <c>dispatch</c> database, without a schema.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("the private PostgreSQL has not started");

    public async Task InitializeAsync()
    {
        string script = Script("start.sh");
        Directory.CreateDirectory(Path.GetDirectoryName(_folder)!);
        string output = "";

        // A free port can be taken between looking and listening (another test process starts its own): try again.
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            (int exit, output) = await RunAsync(script, _folder, FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (exit == 0)
            {
                _connectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
                return;
            }

            if (exit == 3)
            {
                break;
            }
        }

        throw new InvalidOperationException($"these tests need PostgreSQL (CI installs it: apt-get install -y postgresql), and {script} failed:\n{output}");
    }

    /// <summary>A schema no other test has used; the first migration creates it.</summary>
    public StorageTarget NewSchema() => StorageTarget.Postgres(ConnectionString, $"test_{Interlocked.Increment(ref _schemas)}");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_connectionString is not null || Directory.Exists(_folder))
        {
            await RunAsync(Script("stop.sh"), _folder);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The path of tools/postgres/<paramref name="name"/>.</summary>
    public static string Script(string name) => Path.Combine(RepositoryRoot(), "tools", "postgres", name);

    /// <summary>Runs a script with bash; its exit code and its output (stdout, then stderr).</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start bash {script}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_scriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in {s_scriptTimeout.TotalSeconds} s");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dispatch.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Dispatch.sln above {AppContext.BaseDirectory}: cannot find tools/postgres");
    }
}

/// <summary>The tests that share the run's private PostgreSQL; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PrivatePostgresCollection : ICollectionFixture<PrivatePostgres>
{
    public const string Name = "PrivatePostgres";
}
