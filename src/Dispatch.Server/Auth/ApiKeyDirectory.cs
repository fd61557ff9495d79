using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Server.Auth;

/// <summary>
/// The API keys of the configuration, by hash. A presented key is hashed and looked up; keys are never held in clear.
/// </summary>
public sealed class ApiKeyDirectory : IApiKeyStore
{
    private readonly Dictionary<string, Caller> _byHash;

    /// <param name="keys">The configured keys (<see cref="ApiKeyConfiguration.Read"/>); <paramref name="source"/> names them in errors.</param>
    public ApiKeyDirectory(AuthOptions options, IReadOnlyList<ApiKeyOptions>? keys = null, string source = "Auth:Keys")
    {
        keys ??= options.Keys;
        Source = source;
        _byHash = new Dictionary<string, Caller>(StringComparer.Ordinal);
        for (int i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            string where = $"{source}:{i}";
            string hash = key.KeyHash.Trim().ToLowerInvariant();
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            {
                throw new Hosting.ServerConfigurationException($"{where}:KeyHash must be the 64 hex digits of a SHA-256 hash");
            }

            var role = CallerRoles.Parse(key.Role)
                ?? throw new Hosting.ServerConfigurationException($"{where}:Role '{key.Role}' is not one of supermarket, volunteer, truck-driver, planner, admin");
            if (CallerRoles.HasSubject(role) && string.IsNullOrWhiteSpace(key.SubjectId))
            {
                throw new Hosting.ServerConfigurationException($"{where}:SubjectId is required for role {key.Role}");
            }

            if (!_byHash.TryAdd(hash, new Caller(role, key.SubjectId.Trim(), hash[..12])))
            {
                throw new Hosting.ServerConfigurationException($"{where}:KeyHash is configured twice");
            }
        }

        if (options.Enabled && _byHash.Count == 0)
        {
            throw new Hosting.ServerConfigurationException("Auth:Enabled is true but no API keys are configured: nobody could call; configure keys (Auth:KeysFile, Auth__KeysJson or Auth:Keys; see \"Who may call\" in src/Dispatch.Server/README.md) or, for tests only, set Auth:Enabled=false");
        }
    }

    /// <summary>The setting the keys came from (Auth:Keys, Auth:KeysFile or Auth:KeysJson).</summary>
    public string Source { get; }

    /// <summary>The configured keys' callers and hashes (for start-up checks and the start-up log; never logged as hashes).</summary>
    public IEnumerable<(string KeyHash, Caller Caller)> Keys => _byHash.Select(p => (p.Key, p.Value));

    /// <summary>SHA-256 of the key's UTF-8 bytes as lowercase hex: what goes into Auth:Keys:N:KeyHash.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public Caller? Find(string key) => _byHash.GetValueOrDefault(Hash(key));

    public ValueTask<Caller?> FindAsync(string keyHash, CancellationToken cancellationToken) => ValueTask.FromResult(_byHash.GetValueOrDefault(keyHash));
}
