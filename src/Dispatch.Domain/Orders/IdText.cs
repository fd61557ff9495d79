using System.Globalization;
using System.Text;

namespace Dispatch.Domain.Orders;

/// <summary>
/// The rules every id sent to the engine keeps (printable characters only, no space at either end, a maximum length),
/// and the one way an id is quoted back in a message: a short printable prefix, so no answer, stored rejection or log
/// line grows with what a caller sent.
/// </summary>
public static class IdText
{
    /// <summary>Characters of a sent value quoted in messages; longer values are cut and end with "…".</summary>
    public const int QuotedLength = 32;

    /// <summary>What is wrong with <paramref name="value"/> as an id, or null when it keeps the rules.</summary>
    public static string? Problem(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty";
        }

        if (value.Length > maxLength)
        {
            return $"must be at most {maxLength} characters, was {value.Length}";
        }

        if (value[0] == ' ' || value[^1] == ' ')
        {
            return "must not start or end with a space";
        }

        int at = FirstUnprintable(value);
        return at < 0 ? null : $"must hold printable characters only (character {at + 1} is not)";
    }

    /// <summary>
    /// <paramref name="value"/> itself when it is printable and at most <paramref name="maxLength"/> characters; else
    /// its first characters with anything unprintable shown as '?', ending with "…".
    /// </summary>
    public static string Quote(string? value, int maxLength = QuotedLength)
    {
        value ??= string.Empty;
        if (value.Length <= maxLength && FirstUnprintable(value) < 0)
        {
            return value;
        }

        var quoted = new StringBuilder(maxLength + 1);
        int index = 0;
        while (index < value.Length && quoted.Length < maxLength)
        {
            var status = Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out int used);
            bool printable = status == System.Buffers.OperationStatus.Done && IsPrintable(rune);
            if (printable && quoted.Length + used <= maxLength)
            {
                quoted.Append(value, index, used);
            }
            else if (!printable)
            {
                quoted.Append('?');
            }
            else
            {
                break;
            }

            index += used;
        }

        return index < value.Length ? quoted.Append('…').ToString() : quoted.ToString();
    }

    /// <summary>The index of the first character that is not printable (control, format, separator other than a space, unpaired surrogate, unassigned, private use), or -1.</summary>
    public static int FirstUnprintable(string value)
    {
        int index = 0;
        while (index < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out int used) != System.Buffers.OperationStatus.Done || !IsPrintable(rune))
            {
                return index;
            }

            index += used;
        }

        return -1;
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        UnicodeCategory.SpaceSeparator => rune.Value == ' ',
        _ => true,
    };
}
