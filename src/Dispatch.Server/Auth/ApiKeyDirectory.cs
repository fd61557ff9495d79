using System.Security.Cryptography;
using System.Text;
using Grpc.Core;

namespace Dispatch.Server.Auth;

/// <summary>
/// The configured API keys by hash. A presented key is hashed and looked up; keys are never held in clear.
/// Keys come in the <c>x-api-key</c> header or as <c>authorization: Bearer KEY</c>.
/// </summary>
public sealed class ApiKeyDirectory
{
    public const string ApiKeyHeader = "x-api-key";
    private const string BearerPrefix = "Bearer ";
    private readonly Dictionary<string, Caller> _byHash;

    public ApiKeyDirectory(AuthOptions options)
    {
        _byHash = new Dictionary<string, Caller>(StringComparer.Ordinal);
        for (int i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            string where = $"Auth:Keys:{i}";
            string hash = key.KeyHash.Trim().ToLowerInvariant();
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            {
                throw new InvalidOperationException($"{where}:KeyHash must be the 64 hex digits of a SHA-256 hash");
            }

            var role = CallerRoles.Parse(key.Role)
                ?? throw new InvalidOperationException($"{where}:Role '{key.Role}' is not one of supermarket, volunteer, truck-driver, planner, admin");
            if (CallerRoles.HasSubject(role) && string.IsNullOrWhiteSpace(key.SubjectId))
            {
                throw new InvalidOperationException($"{where}:SubjectId is required for role {key.Role}");
            }

            if (!_byHash.TryAdd(hash, new Caller(role, key.SubjectId.Trim(), hash[..12])))
            {
                throw new InvalidOperationException($"{where}:KeyHash is configured twice");
            }
        }

        if (options.Enabled && _byHash.Count == 0)
        {
            throw new InvalidOperationException("Auth:Enabled is true but Auth:Keys is empty: nobody could call; configure keys or set Auth:Enabled=false");
        }
    }

    /// <summary>SHA-256 of the key's UTF-8 bytes as lowercase hex: what goes into Auth:Keys:N:KeyHash.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The key presented on a call, or null when there is none.</summary>
    public static string? PresentedKey(Metadata headers)
    {
        if (headers.GetValue(ApiKeyHeader) is { Length: > 0 } key)
        {
            return key.Trim();
        }

        if (headers.GetValue("authorization") is { } authorization && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[BearerPrefix.Length..].Trim();
        }

        return null;
    }

    public Caller? Find(string key) => _byHash.GetValueOrDefault(Hash(key));
}
