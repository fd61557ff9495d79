using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Server.Auth;

/// <summary>
/// The household's access token for one order: whoever holds it may see that order (the household page), nothing
/// else. HMAC-SHA256 of the order_ref with <c>Live:ConfirmationKey</c> and a purpose label of its own, cut to 128 bits
/// and written URL-safe (base64url, no padding: 22 characters of A-Z a-z 0-9 - _). Nothing is stored: the server
/// recomputes it to check one.
/// </summary>
public sealed class HouseholdTokens
{
    /// <summary>Characters in a token.</summary>
    public const int Length = 22;

    private const int TokenBytes = 16;

    // Distinct from the confirmation code's label: a token tells nothing about the code.
    private static readonly byte[] s_purpose = Encoding.UTF8.GetBytes("dispatch.v1 household-token\n");

    private readonly byte[] _key;

    public HouseholdTokens(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key.ToArray();
    }

    /// <summary>The token of the order with this engine-wide id (order_ref, e.g. "SM1/O-17").</summary>
    public string TokenFor(string orderRef) => Base64Url(Mac(orderRef));

    /// <summary>Whether <paramref name="token"/> is the token of <paramref name="orderRef"/>; compared in constant time.</summary>
    public bool Matches(string orderRef, string token) =>
        token is { Length: Length } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(TokenFor(orderRef)), Encoding.UTF8.GetBytes(token));

    private byte[] Mac(string orderRef) =>
        HMACSHA256.HashData(_key, (byte[])[.. s_purpose, .. Encoding.UTF8.GetBytes(orderRef)])[..TokenBytes];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
