using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Server.Live;

/// <summary>
/// The 6-digit code a household gives the volunteer at a contactless drop or at the pickup zone: a keyed hash
/// (HMAC-SHA256 with <c>Live:ConfirmationKey</c> and its own purpose label) of the order_ref, so the server checks it
/// without storing it and nobody without the key can work it out from the order_ref.
/// </summary>
public sealed class ConfirmationCodes
{
    /// <summary>Digits in a code.</summary>
    public const int Digits = 6;

    // Distinct from the household token's label: one never tells anything about the other.
    private static readonly byte[] s_purpose = Encoding.UTF8.GetBytes("dispatch.v1 confirmation-code\n");

    private readonly byte[] _key;

    public ConfirmationCodes(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key.ToArray();
    }

    /// <summary>The household's code for the order with this engine-wide id (order_ref, e.g. "SM1/O-17").</summary>
    public string CodeFor(string orderRef)
    {
        byte[] hash = HMACSHA256.HashData(_key, (byte[])[.. s_purpose, .. Encoding.UTF8.GetBytes(orderRef)]);

        // 64 bits reduced mod 10^6: the bias is below 1e-13.
        ulong value = BinaryPrimitives.ReadUInt64BigEndian(hash) % 1_000_000UL;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="code"/> (spaces around it ignored) is the household's code; compared in constant time.</summary>
    public bool Matches(string orderRef, string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(CodeFor(orderRef)), Encoding.UTF8.GetBytes((code ?? string.Empty).Trim()));
}
