using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dispatch.Cli.Commands;

namespace Dispatch.Cli.Hosting;

/// <summary>
/// A private PostgreSQL for one benchmark run: initdb into a fresh folder, trust authentication on 127.0.0.1 only, a
/// free port, a database named <c>dispatch</c>; stopped (fast shutdown) and its folder deleted when disposed. The
/// steps of tools/postgres/start.sh, run from here so the built <c>dispatch</c> needs no repository beside it.
/// PostgreSQL refuses to run as root: as root every step runs as the <c>postgres</c> user. Disposing is synchronous so
/// it can run while the process exits (a command stopped by Ctrl+C ends before its own clean-up finishes).
/// </summary>
public sealed class ThrowAwayPostgres : IDisposable
{
    private static readonly TimeSpan s_stepTimeout = TimeSpan.FromMinutes(2);

    private readonly string _folder;
    private readonly string _bin;
    private int _disposed;

    private ThrowAwayPostgres(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The instance's <c>dispatch</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=dispatch";

    private string DataFolder => Path.Combine(_folder, "data");

    /// <param name="folder">A folder that does not exist yet (it is created, and deleted at the end).</param>
    /// <param name="maxConnections">PostgreSQL's max_connections: every district of every silo keeps its own pool.</param>
    public static async Task<ThrowAwayPostgres> StartAsync(string folder, int maxConnections, CancellationToken cancellationToken)
    {
        string bin = FindBin() ?? throw new CommandFailedException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql, or give --postgres CONNECTION", Exit.BadInput);
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            await RunAsync(Start("chown", ["postgres", folder]), cancellationToken);
        }

        var postgres = new ThrowAwayPostgres(folder, bin, FreePort());
        bool started = false;
        try
        {
            await postgres.RunAsOwnerAsync("initdb", ["-D", postgres.DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"], cancellationToken);
            string settings = string.Create(
                CultureInfo.InvariantCulture,
                $"-c listen_addresses=127.0.0.1 -c port={postgres.Port} -c unix_socket_directories='{folder}' -c max_connections={maxConnections}");
            await postgres.RunAsOwnerAsync("pg_ctl", ["-D", postgres.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"], cancellationToken);
            await postgres.RunAsOwnerAsync("createdb", ["-h", "127.0.0.1", "-p", postgres.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "dispatch"], cancellationToken);
            started = true;
        }
        finally
        {
            if (!started)
            {
                postgres.Dispose();
            }
        }

        return postgres;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            var stop = StartInfo(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "fast", "-w", "-t", "60", "stop"]);
            using var process = Process.Start(stop);
            if (process is null || !process.WaitForExit(s_stepTimeout) || process.ExitCode != 0)
            {
                Console.Error.WriteLine($"dispatch: the private PostgreSQL in {_folder} did not stop; stop it with pg_ctl -D {DataFolder} stop");
                return;
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunAsOwnerAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(StartInfo(Path.Combine(_bin, program), arguments), cancellationToken);

    /// <summary>A PostgreSQL program's start, as the <c>postgres</c> user when this runs as root.</summary>
    private static ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments) =>
        IsRoot ? Start("runuser", ["-u", "postgres", "--", program, .. arguments]) : Start(program, arguments);

    private static ProcessStartInfo Start(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        string program = start.FileName;
        var arguments = start.ArgumentList;
        using var process = Process.Start(start) ?? throw new CommandFailedException($"could not start {program}", Exit.Failed);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_stepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string output = ((await stdout) + (await stderr)).Trim();
            throw new CommandFailedException($"{Path.GetFileName(program)} {string.Join(' ', arguments.Take(3))} ... failed ({process.ExitCode}): {output}", Exit.Failed);
        }
    }

    /// <summary>The newest installed version's programs (Debian's layout: /usr/lib/postgresql/VERSION/bin).</summary>
    private static string? FindBin()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : -1))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Folder, "bin"))
            .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
