using System.Globalization;

namespace Dispatch.Planning;

/// <summary>The shape the typed ids of numbered things share: "owner/number", the number after the last separator.</summary>
internal static class NumberedIds
{
    public const char Separator = '/';

    public static string Format(string owner, int number) => string.Create(CultureInfo.InvariantCulture, $"{owner}{Separator}{number}");

    public static bool TrySplit(string? text, out string owner, out int number)
    {
        int at = text?.LastIndexOf(Separator) ?? -1;
        if (at > 0 && int.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            owner = text![..at];
            return true;
        }

        (owner, number) = (string.Empty, 0);
        return false;
    }

    public static FormatException NotA(string what, string? text) => new($"'{text}' is not a {what}");
}
