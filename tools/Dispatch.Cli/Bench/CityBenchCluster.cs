using System.Diagnostics;
using System.Runtime.InteropServices;
using Dispatch.Cli.Hosting;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Cli.Bench;

/// <summary>
/// The cluster a city bench runs against: PostgreSQL (a private instance, or a fresh database on the one given) and N
/// silo processes on loopback, each with one client channel (several HTTP/2 connections, as many streams need).
/// Disposing stops the silos with SIGTERM, then PostgreSQL. A command stopped by Ctrl+C or SIGTERM gets only moments
/// before the process ends, so then the silos are killed and PostgreSQL stopped at once: nothing outlives the bench.
/// </summary>
public sealed class CityBenchCluster : IAsyncDisposable
{
    private static readonly TimeSpan s_siloStartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_siloStopTimeout = TimeSpan.FromSeconds(60);

    private readonly IDisposable _postgres;
    private readonly PosixSignalRegistration[] _signals;
    private readonly List<SiloProcess> _silos = [];
    private readonly List<GrpcChannel> _channels = [];
    private readonly List<CallInvoker> _invokers = [];

    private CityBenchCluster(IDisposable postgres)
    {
        _postgres = postgres;
        _signals = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Abandon), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Abandon)];
    }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>One invoker per silo, in silo order.</summary>
    public IReadOnlyList<CallInvoker> Invokers => _invokers;

    public double StartSeconds { get; private set; }

    /// <param name="postgres">A PostgreSQL connection string to use (a fresh database is made on it), or null for a private instance.</param>
    /// <param name="districtsOnPostgres">Districts keep their storage in PostgreSQL schemas; false: SQLite files in the run folder, shared by the silos.</param>
    public static async Task<CityBenchCluster> StartAsync(
        string runFolder, string cityFolder, int silos, string? postgres, bool districtsOnPostgres, bool quickSearch, int districts, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        IDisposable owner;
        string connection;
        if (postgres is null)
        {
            // Each district of each silo keeps a pool of its own, and membership and the silos' front files their own.
            var instance = await ThrowAwayPostgres.StartAsync(Path.Combine(runFolder, "postgres"), Math.Max(200, (districts + 4) * silos * 10), cancellationToken);
            CityBenchProgress.Line($"PostgreSQL started on port {instance.Port} (private, in {runFolder}) in {started.Elapsed.TotalSeconds:F1} s");
            (owner, connection) = (instance, instance.ConnectionString);
        }
        else
        {
            var database = await ThrowAwayPostgresDatabase.CreateAsync(postgres, "citybench", cancellationToken);
            CityBenchProgress.Line($"PostgreSQL: database {database.Name} created on the server given");
            (owner, connection) = (database, database.ConnectionString);
        }

        var cluster = new CityBenchCluster(owner);
        bool ready = false;
        try
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Auth__Enabled"] = "false",
                ["Live__ConfirmationKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Cluster__DistrictsOnPostgres"] = districtsOnPostgres ? "true" : "false",
                ["Cluster__DataFolder"] = Path.Combine(runFolder, "districts"),
                ["Planning__QuickSearch"] = quickSearch ? "true" : "false",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            Directory.CreateDirectory(Path.Combine(runFolder, "districts"));
            var siloStart = Stopwatch.StartNew();

            // One after another: the first silo creates the membership tables, and starting .NET processes at once on a
            // loaded machine only makes each slower.
            for (int number = 1; number <= silos; number++)
            {
                var silo = await SiloProcess.StartAsync(number, cityFolder, connection, runFolder, settings, s_siloStartTimeout, cancellationToken);
                cluster._silos.Add(silo);
                var channel = GrpcChannel.ForAddress(silo.Address, new GrpcChannelOptions
                {
                    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
                    MaxReceiveMessageSize = 64 * 1024 * 1024,
                });
                cluster._channels.Add(channel);
                cluster._invokers.Add(channel.CreateCallInvoker());
                CityBenchProgress.Line($"silo {number} of {silos} serving on {silo.Address} (pid {silo.ProcessId}) after {siloStart.Elapsed.TotalSeconds:F1} s");
            }

            cluster.StartSeconds = siloStart.Elapsed.TotalSeconds;
            ready = true;
        }
        finally
        {
            if (!ready)
            {
                await cluster.DisposeAsync();
            }
        }

        return cluster;
    }

    /// <summary>Silos that ended while the bench ran (a silo declared dead by the others stops itself), with their last lines.</summary>
    public IReadOnlyList<string> Lost() =>
        _silos.Where(s => s.HasExited).Select(s => $"silo {s.Number} ended during the run; the end of {s.LogFile}:\n{s.Tail(15)}").ToList();

    public async ValueTask DisposeAsync()
    {
        _channels.ForEach(c => c.Dispose());
        var stopping = Stopwatch.StartNew();
        int?[] codes = await Task.WhenAll(_silos.Select(s => s.StopAsync(s_siloStopTimeout)));
        if (_silos.Count > 0)
        {
            CityBenchProgress.Line($"silos stopped (SIGTERM) in {stopping.Elapsed.TotalSeconds:F1} s, exit codes {string.Join(", ", codes.Select(c => c?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "killed"))}");
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        _postgres.Dispose();

        // Only now: the process may end while the silos above are still stopping.
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }
    }

    /// <summary>Ctrl+C or SIGTERM: the command ends within moments, so the silos are killed and PostgreSQL stopped now.</summary>
    private void Abandon(PosixSignalContext context)
    {
        foreach (var silo in _silos)
        {
            silo.Kill();
        }

        _postgres.Dispose();
    }
}
