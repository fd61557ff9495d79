using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Server.Live;

/// <summary>
/// The 4-digit code a household gives the volunteer at a contactless drop: a keyed hash of the order id, so the
/// server can check it without storing it and a volunteer cannot work it out from the order id.
/// </summary>
public sealed class ConfirmationCodes(byte[] key)
{
    public string For(string orderId)
    {
        byte[] hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(orderId));
        uint value = BitConverter.ToUInt32(hash, 0) % 10_000;
        return value.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool Matches(string orderId, string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(For(orderId)), Encoding.UTF8.GetBytes(code.Trim()));
}
