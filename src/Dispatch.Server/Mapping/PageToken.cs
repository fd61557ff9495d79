using System.Buffers.Text;
using System.Text;
using Dispatch.Server.Errors;

namespace Dispatch.Server.Mapping;

/// <summary>Opaque page tokens: the last order id of the previous page, versioned and base64url-encoded.</summary>
public static class PageToken
{
    private const string Prefix = "o1:";

    public static string Encode(string lastOrderId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastOrderId));

    public static string? Decode(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            string text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return text[Prefix.Length..];
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidRequestException("page_token", "not a page token this server issued");
    }
}
