using Dispatch.Server.Auth;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>
/// The API keys the test server knows, given as Auth:KeysJson so they replace every configured key (the demo keys
/// of the Development settings included) instead of merging with them by index; and a confirmation key of the tests'
/// own, so servers outside the Development environment (loopback, process, TLS) start.
/// </summary>
public static class TestKeys
{
    public const string Sm1 = "test-key-sm1";
    public const string Sm2 = "test-key-sm2";
    public const string Planner = "test-key-planner";
    public const string Admin = "test-key-admin";
    public const string Volunteer = "test-key-volunteer";
    public const string TruckDriver = "test-key-truck";
    public const string Sm1Second = "test-key-sm1-second";

    public static IReadOnlyList<(string Key, string Role, string Subject)> All { get; } =
    [
        (Sm1, "supermarket", "SM1"),
        (Sm2, "supermarket", "SM2"),
        (Planner, "planner", ""),
        (Admin, "admin", ""),
        (Volunteer, "volunteer", "V1"),
        (TruckDriver, "truck-driver", "T1"),
        (Sm1Second, "supermarket", "SM1"),
    ];

    /// <summary>Live:ConfirmationKey of the test servers: not the development key, and long enough for Production.</summary>
    public const string ConfirmationKey = "tests-only-confirmation-key-0123456789abcdef";

    public static IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("Live:ConfirmationKey", ConfirmationKey);
        string json = System.Text.Json.JsonSerializer.Serialize(All.Select(k => new ApiKeyOptions { KeyHash = ApiKeyDirectory.Hash(k.Key), Role = k.Role, SubjectId = k.Subject }));
        yield return new("Auth:KeysJson", json);
    }
}
