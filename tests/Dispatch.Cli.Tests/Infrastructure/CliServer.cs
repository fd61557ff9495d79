using System.Security.Cryptography;
using System.Text;
using Dispatch.Cli.Hosting;

namespace Dispatch.Cli.Tests.Infrastructure;

/// <summary>
/// The real server on a loopback port in the test process (the CLI's own in-process host) over the shipped seed and a
/// fresh SQLite file, with keys of every role; the CLI under test reaches it like any remote server.
/// </summary>
public sealed class CliServer : IAsyncLifetime
{
    public const string Sm1Key = "cli-test-key-sm1";
    public const string Sm2Key = "cli-test-key-sm2";
    public const string PlannerKey = "cli-test-key-planner";
    public const string AdminKey = "cli-test-key-admin";

    /// <summary>The server runs as in production (no Development settings): it needs a confirmation key of its own.</summary>
    public const string ConfirmationKey = "cli-tests-confirmation-key-0123456789abcdef";

    private static readonly (string Key, string Role, string Subject)[] s_keys =
    [
        (Sm1Key, "supermarket", "SM1"),
        (Sm2Key, "supermarket", "SM2"),
        ("cli-test-key-sm3", "supermarket", "SM3"),
        ("cli-test-key-sm4", "supermarket", "SM4"),
        ("cli-test-key-sm5", "supermarket", "SM5"),
        (PlannerKey, "planner", ""),
        (AdminKey, "admin", ""),
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-cli-tests", Guid.NewGuid().ToString("N"));
    private InProcessServer? _server;

    public string Address => _server!.Address;

    /// <summary>The address without its scheme, as an operator might type it.</summary>
    public string HostAndPort => new Uri(Address).Authority;

    public string Folder => _folder;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var settings = new List<KeyValuePair<string, string?>> { new("Planning:QuickSearch", "true"), new("Auth:Enabled", "true"), new("Live:ConfirmationKey", ConfirmationKey) };
        for (int i = 0; i < s_keys.Length; i++)
        {
            settings.Add(new($"Auth:Keys:{i}:KeyHash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s_keys[i].Key)))));
            settings.Add(new($"Auth:Keys:{i}:Role", s_keys[i].Role));
            settings.Add(new($"Auth:Keys:{i}:SubjectId", s_keys[i].Subject));
        }

        _server = await InProcessServer.StartAsync("http://127.0.0.1:0", Path.Combine(_folder, "dispatch.db"), DispatchCli.SeedFolder, quiet: true, CancellationToken.None, settings);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

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
