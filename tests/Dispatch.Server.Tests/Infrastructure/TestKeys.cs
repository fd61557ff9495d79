using Dispatch.Server.Auth;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>
/// The API keys the test server knows. They take indices 0..6 of Auth:Keys so every demo key of
/// appsettings.json is overwritten: configuration merges lists by index.
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

    public static IEnumerable<KeyValuePair<string, string>> Settings()
    {
        for (int i = 0; i < All.Count; i++)
        {
            yield return new($"Auth:Keys:{i}:KeyHash", ApiKeyDirectory.Hash(All[i].Key));
            yield return new($"Auth:Keys:{i}:Role", All[i].Role);
            yield return new($"Auth:Keys:{i}:SubjectId", All[i].Subject);
        }
    }
}
