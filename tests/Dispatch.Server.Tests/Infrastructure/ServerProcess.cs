using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>
/// The real server as a child process (<c>dotnet Dispatch.Server.dll</c> from this test's output folder, where the
/// project reference and Mvc.Testing put it with its runtimeconfig and deps files), on a free loopback port,
/// with Auth disabled unless asked (the <see cref="TestKeys"/> then): most of these tests are about the process, not about keys.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    // The host logs this once every service has started and the server listens.
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrpcChannel _channel;

    private ServerProcess(Process process, string address)
    {
        _process = process;
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public OrderIntake.OrderIntakeClient CreateIntakeClient() => new(_channel);

    public GrpcChannel Channel => _channel;

    public Process Process => _process;

    /// <param name="withKeys">Auth on, with the <see cref="TestKeys"/>.</param>
    public static async Task<ServerProcess> StartAsync(string databasePath, string scenarioPath, TimeSpan timeout, bool withKeys = false)
    {
        int port = FreeLoopbackPort();
        var args = new List<string>
        {
            "--urls", $"http://127.0.0.1:{port}", "--Web:Urls=http://127.0.0.1:0", $"--Storage:DatabasePath={databasePath}", $"--Scenario:Path={scenarioPath}",
            $"--Auth:Enabled={withKeys}", $"--Live:ConfirmationKey={TestKeys.ConfirmationKey}", "--Shutdown:TimeoutSeconds=10", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", "--Intake:MaxOrdersPerHouseholdPerDay=0",
        };
        if (withKeys)
        {
            args.AddRange(TestKeys.Settings().Where(s => s.Key != "Live:ConfirmationKey").Select(s => $"--{s.Key}={s.Value}"));
        }

        return await LaunchAsync(args, port, Path.GetDirectoryName(databasePath)!, timeout);
    }

    /// <summary>
    /// A silo of a city cluster (<c>Cluster:Enabled=true</c>) serving the city folder, its membership and districts in
    /// <paramref name="postgres"/>, on free loopback ports; its own files under <paramref name="folder"/>.
    /// </summary>
    public static async Task<ServerProcess> StartSiloAsync(string cityFolder, string postgres, string clusterId, string folder, TimeSpan timeout)
    {
        Directory.CreateDirectory(folder);
        int port = FreeLoopbackPort();
        var args = new List<string>
        {
            "--urls", $"http://127.0.0.1:{port}", "--Cluster:Enabled=true", $"--Cluster:City={cityFolder}", $"--Cluster:Postgres={postgres}",
            $"--Cluster:ClusterId={clusterId}", $"--Cluster:SiloPort={FreeLoopbackPort()}", $"--Storage:DatabasePath={Path.Combine(folder, "silo.db")}",
            "--Auth:Enabled=false", $"--Live:ConfirmationKey={TestKeys.ConfirmationKey}", "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", "--Logging:LogLevel:Dispatch.Server.Cluster=Information",
        };
        return await LaunchAsync(args, port, folder, timeout);
    }

    private static async Task<ServerProcess> LaunchAsync(List<string> args, int port, string workingDirectory, TimeSpan timeout)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Dispatch.Server.dll");
        if (!File.Exists(dll) || !File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"{dll} or its runtimeconfig is missing from the test output folder");
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        args.ForEach(start.ArgumentList.Add);

        var server = new ServerProcess(Process.Start(start)!, $"http://127.0.0.1:{port}");
        try
        {
            await server.WaitUntilServingAsync(timeout);
        }
        catch
        {
            // A process that never served is nobody's to stop: it would outlive the test run.
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd or Kubernetes stop a service; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {_process.Id} failed");
            }
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        try
        {
            await Task.WhenAny(_started.Task, _process.WaitForExitAsync()).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"server not started after {timeout}:\n{Output}");
        }

        if (_process.HasExited)
        {
            throw new InvalidOperationException($"server exited with {_process.ExitCode} at start:\n{Output}");
        }

        var reply = await new Health.HealthClient(_channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(timeout));
        if (reply.Status != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            throw new InvalidOperationException($"server started but answers {reply.Status}:\n{Output}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                _started.TrySetResult();
            }
        }
    }

    public void Dispose()
    {
        _channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
