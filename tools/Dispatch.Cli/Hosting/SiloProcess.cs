using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dispatch.Cli.Commands;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Dispatch.Cli.Hosting;

/// <summary>
/// One silo of a city cluster as a child process (<c>dotnet dispatch.dll serve --cluster ...</c>, this very
/// <c>dispatch</c>) on free loopback ports, its output in a log file; ready once it says it serves and answers gRPC
/// health. Stopped with SIGTERM, as a service manager stops it.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    // What ClusterSilo prints once the silo's host has started (Orleans joined, endpoint listening).
    private const string StartedLine = "of the city cluster, serving gRPC on";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _logClosed;

    private SiloProcess(int number, Process process, string address, string logFile)
    {
        Number = number;
        _process = process;
        Address = address;
        LogFile = logFile;
        _log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>1-based, as progress lines and the figures name it.</summary>
    public int Number { get; }

    /// <summary>Its gRPC endpoint, http://127.0.0.1:PORT.</summary>
    public string Address { get; }

    public int ProcessId => _process.Id;

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    /// <param name="settings">Environment settings of the silo (Section__Key = value).</param>
    public static async Task<SiloProcess> StartAsync(
        int number, string city, string postgres, string folder, IReadOnlyDictionary<string, string> settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        int grpcPort = FreePort();
        int siloPort = FreePort();
        string address = $"http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}";
        string dll = typeof(SiloProcess).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        string[] arguments =
        [
            dll, "serve", "--cluster", "--city", city, "--postgres", postgres, "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--urls", address, "--db", Path.Combine(folder, $"silo-{number.ToString(CultureInfo.InvariantCulture)}.db"),
        ];
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new CommandFailedException($"silo {number} could not be started", Exit.Failed);
        var silo = new SiloProcess(number, process, address, Path.Combine(folder, $"silo-{number.ToString(CultureInfo.InvariantCulture)}.log"));
        bool serving = false;
        try
        {
            await silo.WaitUntilServingAsync(timeout, cancellationToken);
            serving = true;
        }
        finally
        {
            if (!serving)
            {
                await silo.DisposeAsync();
            }
        }

        return silo;
    }

    /// <summary>VmRSS of the process (resident memory) from /proc/PID/status, in bytes; 0 once it has exited.</summary>
    public long ResidentBytes()
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }

    /// <summary>The last lines of the silo's output, to tell why it stopped.</summary>
    public string Tail(int lines)
    {
        lock (_log)
        {
            if (!_logClosed)
            {
                _log.Flush();
            }
        }

        using var reader = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var text = new StreamReader(reader);
        var all = text.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>SIGTERM, then up to <paramref name="timeout"/> for the silo to leave the cluster and end; killed after that.</summary>
    /// <returns>The exit code, or null when it had to be killed.</returns>
    public async Task<int?> StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return null;
        }
    }

    /// <summary>SIGKILL at once, synchronously (the command is exiting and nothing may outlive it).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already disposed: nothing runs any more.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await Task.WhenAny(_started.Task, _process.WaitForExitAsync(deadline.Token)).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CommandFailedException($"silo {Number} did not start within {timeout.TotalSeconds:F0} s; the end of {LogFile}:\n{Tail(20)}", Exit.Failed);
        }

        if (_process.HasExited)
        {
            throw new CommandFailedException($"silo {Number} ended at start with exit code {_process.ExitCode}; the end of {LogFile}:\n{Tail(20)}", Exit.Failed);
        }

        // SERVING once the silo is an active member of the cluster (its health check asks the membership).
        using var channel = GrpcChannel.ForAddress(Address);
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(timeout), cancellationToken: cancellationToken);
        if (reply.Status != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            throw new CommandFailedException($"silo {Number} started but its health is {reply.Status}; see {LogFile}", Exit.Failed);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }

        if (line.Contains(StartedLine, StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    /// <summary>The dotnet host running this command (tests run <c>dotnet dispatch.dll</c>), or the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
