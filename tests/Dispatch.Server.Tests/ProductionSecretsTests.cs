using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Auth;
using Dispatch.Server.Hosting;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Server.Tests;

/// <summary>
/// No development secret in production: outside Development the server refuses to start with the development (or no,
/// or a short) confirmation key or with a published demo key, saying what to set; demo keys come only from the
/// Development settings; a key file replaces the whole list; each key is logged by role and subject, never by value.
/// </summary>
public sealed class ProductionSecretsTests : IDisposable
{
    private const string GoodConfirmationKey = "production-like-confirmation-key-0123456789";
    private const string OwnAdminKey = "own-admin-key-for-this-test";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-tests", Guid.NewGuid().ToString("N"));
    private readonly CapturedLogs _logs = new();
    private WebApplication? _app;

    public ProductionSecretsTests()
    {
        ScenarioFiles.Save(TinyDistrict.Create(), Path.Combine(_folder, "scenario"));
    }

    public void Dispose()
    {
        _app?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private WebApplication Build(string environment, params string[] settings)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0", "--Web:Enabled=false", $"--Storage:DatabasePath={Path.Combine(_folder, "dispatch.db")}", $"--Scenario:Path={Path.Combine(_folder, "scenario")}",
            .. settings,
        ];
        return DispatchServer.Build(args, builder => builder.Logging.AddProvider(_logs), environment);
    }

    private async Task StartAsync(WebApplication app)
    {
        _app = app;
        await app.StartAsync();
    }

    private async Task<StatusCode> ListOrdersWithAsync(string apiKey)
    {
        using var channel = GrpcChannel.ForAddress(_app!.Services.GetRequiredService<ServerEndpoints>().Grpc.Single());
        try
        {
            await new OrderIntake.OrderIntakeClient(channel).ListOrdersAsync(new ListOrdersRequest(), new Metadata { { "x-api-key", apiKey } }, deadline: Deadlines.Soon);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static string OwnAdminEntry(int index) =>
        $"--Auth:Keys:{index}:KeyHash={ApiKeyDirectory.Hash(OwnAdminKey)}";

    [Theory]
    [InlineData("", "Live:ConfirmationKey is not set outside the Development environment")]
    [InlineData(LiveOptions.DevelopmentConfirmationKey, "Live:ConfirmationKey is the published development key")]
    [InlineData("short-secret", "Live:ConfirmationKey has 12 characters")]
    public void Outside_development_a_missing_published_or_short_confirmation_key_stops_the_start(string confirmationKey, string expected)
    {
        var error = Assert.Throws<ServerConfigurationException>(() =>
            Build("Production", $"--Live:ConfirmationKey={confirmationKey}", OwnAdminEntry(0), "--Auth:Keys:0:Role=admin"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Live__ConfirmationKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_a_demo_key_stops_the_start_naming_its_role_and_subject_only()
    {
        string demoHash = ApiKeyDirectory.Hash("demo-key-sm3");

        var error = Assert.Throws<ServerConfigurationException>(() => Build(
            "Production", $"--Live:ConfirmationKey={GoodConfirmationKey}", OwnAdminEntry(0), "--Auth:Keys:0:Role=admin",
            $"--Auth:Keys:1:KeyHash={demoHash}", "--Auth:Keys:1:Role=supermarket", "--Auth:Keys:1:SubjectId=SM3"));

        Assert.Contains("published demo keys (supermarket SM3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:KeysFile", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(demoHash, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_an_own_key_at_index_0_leaves_no_demo_key_behind_and_each_key_is_logged_without_its_value()
    {
        // The README's Auth__Keys__0__* way: before, the shipped settings' demo keys 1..6 stayed live beside it.
        await StartAsync(Build("Production", $"--Live:ConfirmationKey={GoodConfirmationKey}", OwnAdminEntry(0), "--Auth:Keys:0:Role=admin"));

        Assert.Equal(StatusCode.OK, await ListOrdersWithAsync(OwnAdminKey));
        foreach (string demo in new[] { "demo-key-admin", "demo-key-planner", "demo-key-sm3" })
        {
            Assert.Equal(StatusCode.Unauthenticated, await ListOrdersWithAsync(demo));
        }

        var keyLines = _logs.Lines.Where(l => l.EventId == 120).Select(l => l.Message).ToList();
        Assert.Equal(["API key 1 of Auth:Keys: role admin, subject (none)"], keyLines);
        Assert.DoesNotContain(_logs.Lines, l => l.Message.Contains(ApiKeyDirectory.Hash(OwnAdminKey)[..12], StringComparison.Ordinal) || l.Message.Contains(OwnAdminKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_development_the_demo_keys_work_and_a_keys_file_replaces_them_whole()
    {
        string file = Path.Combine(_folder, "keys.json");
        File.WriteAllText(file, $$"""[{"KeyHash": "{{ApiKeyDirectory.Hash(OwnAdminKey)}}", "Role": "admin"}, {"KeyHash": "{{ApiKeyDirectory.Hash("own-sm2")}}", "Role": "supermarket", "SubjectId": "SM2"}]""");
        await StartAsync(Build("Development"));
        Assert.Equal(StatusCode.OK, await ListOrdersWithAsync("demo-key-admin"));
        await _app!.StopAsync();
        await _app.DisposeAsync();
        _app = null;

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _logs.Clear();
        await StartAsync(Build("Development", $"--Auth:KeysFile={file}"));

        Assert.Equal(StatusCode.OK, await ListOrdersWithAsync(OwnAdminKey));
        Assert.Equal(StatusCode.Unauthenticated, await ListOrdersWithAsync("demo-key-admin"));
        Assert.Equal(
            ["API key 1 of Auth:KeysFile: role admin, subject (none)", "API key 2 of Auth:KeysFile: role supermarket, subject SM2"],
            _logs.Lines.Where(l => l.EventId == 120).Select(l => l.Message));
    }
}
