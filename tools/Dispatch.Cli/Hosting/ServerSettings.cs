using Dispatch.Server.Auth;
using Dispatch.Server.Hosting;

namespace Dispatch.Cli.Hosting;

/// <summary>
/// Settings for a hosted server that only the server's own code can write (API keys by their hash, its confirmation
/// keys): the rest of the CLI reaches the server through gRPC alone.
/// </summary>
public static class ServerSettings
{
    /// <summary>One API key as the <c>Auth:Keys:{index}:*</c> settings: stored by hash, never in clear.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ApiKey(int index, string key, string role, string subjectId) =>
    [
        new($"Auth:Keys:{index}:KeyHash", ApiKeyDirectory.Hash(key)),
        new($"Auth:Keys:{index}:Role", role),
        new($"Auth:Keys:{index}:SubjectId", subjectId),
    ];

    /// <summary>A key list that replaces any configured one (<c>Auth:KeysJson</c>), each key stored by hash.</summary>
    public static KeyValuePair<string, string?> ApiKeysReplacingConfigured(IEnumerable<(string Key, string Role, string Subject)> keys) =>
        new("Auth:KeysJson", System.Text.Json.JsonSerializer.Serialize(keys.Select(k => new ApiKeyOptions { KeyHash = ApiKeyDirectory.Hash(k.Key), Role = k.Role, SubjectId = k.Subject })));

    /// <summary>
    /// A confirmation key of its own for a throw-away server (benchmarks on a temporary database): random, so no code
    /// or token of such a run is ever valid elsewhere.
    /// </summary>
    public static KeyValuePair<string, string?> ThrowAwayConfirmationKey() =>
        new("Live:ConfirmationKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    /// <summary>The published development confirmation key, which the server refuses outside Development.</summary>
    public static KeyValuePair<string, string?> DevelopmentConfirmationKey() =>
        new("Live:ConfirmationKey", LiveOptions.DevelopmentConfirmationKey);
}
