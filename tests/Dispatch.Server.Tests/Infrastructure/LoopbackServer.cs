using Dispatch.Domain.Scenarios;
using Dispatch.Server.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>
/// The real server in this process on a real loopback port (Kestrel and HTTP/2, not TestServer), with the
/// <see cref="TestKeys"/>: for tests where the transport matters (deadlines, resets, shutdown).
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly GrpcChannel _channel;

    private LoopbackServer(WebApplication app, string folder, string address)
    {
        App = app;
        _folder = folder;
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
    }

    public WebApplication App { get; }

    public string Address { get; }

    public static async Task<LoopbackServer> StartAsync(IEnumerable<string> settings, Action<WebApplicationBuilder>? configure = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "dispatch-tests", Guid.NewGuid().ToString("N"));
        ScenarioFiles.Save(TinyDistrict.Create(), Path.Combine(folder, "scenario"));
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0", $"--Storage:DatabasePath={Path.Combine(folder, "dispatch.db")}", $"--Scenario:Path={Path.Combine(folder, "scenario")}",
            "--Logging:LogLevel:Default=Warning", "--Intake:MaxOrdersPerHouseholdPerDay=0",
        };
        args.AddRange(TestKeys.Settings().Select(s => $"--{s.Key}={s.Value}"));
        args.AddRange(settings);
        var app = DispatchServer.Build([.. args], configure);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<ServerEndpoints>().Grpc.Single();
        return new LoopbackServer(app, folder, address);
    }

    public CallInvoker CreateInvoker(string apiKey) => _channel.Intercept(headers =>
    {
        headers.Add("x-api-key", apiKey);
        return headers;
    });

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
