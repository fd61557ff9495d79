using System.Security.Cryptography;
using System.Text;
using Dispatch.Domain.Geography;

namespace Dispatch.Storage;

/// <summary>
/// The PostgreSQL schema a district's tables live in. An id of lower-case letters, digits and '-' reads back in its
/// schema (<c>pudong-east</c> -> <c>district_pudong_east</c>); any other id (capitals, '_', '.', other scripts, or too
/// long for a schema name) gets <c>districth_</c>, a readable prefix and a hash of the whole id, so two ids never
/// share a schema.
/// </summary>
public static class DistrictSchema
{
    private const string ReadablePrefix = "district_";
    private const string HashedPrefix = "districth_";
    private const int HashHexDigits = 16;

    public static string For(DistrictId district)
    {
        string id = district.Value;
        if (id.Length + ReadablePrefix.Length <= StorageTarget.MaxSchemaLength && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            return ReadablePrefix + id.Replace('-', '_');
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..HashHexDigits];
        var readable = new StringBuilder();
        foreach (char c in id.ToLowerInvariant())
        {
            if (readable.Length == StorageTarget.MaxSchemaLength - HashedPrefix.Length - HashHexDigits - 1)
            {
                break;
            }

            readable.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_');
        }

        return $"{HashedPrefix}{readable}_{hash}";
    }
}
