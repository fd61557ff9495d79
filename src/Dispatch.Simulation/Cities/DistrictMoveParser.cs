using System.Globalization;
using Dispatch.Domain.Geography;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Cities;

/// <summary>
/// Reads <c>--move-trucks FROM:TO:N</c> and <c>--move-stock FROM:TO:AMOUNT[:KIND]</c>; a stock amount is read by the
/// same parser as <c>simulate --set stock.KIND=...</c>, so it takes the same units. Errors name the place and the text.
/// </summary>
public static class DistrictMoveParser
{
    private static readonly string[] s_allKinds = ["meat-and-vegetable", "vegetable", "rice-and-flour", "medicine"];

    public static TruckMove ParseTrucks(string text, string where)
    {
        var parts = Split(text, where, "FROM:TO:N", 3);
        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int trucks) || trucks < 1)
        {
            throw new OverrideFormatException(where, text, $"'{parts[2]}' is not a whole number of trucks (1 or more)");
        }

        return new TruckMove(where, text, District(parts[0], text, where), District(parts[1], text, where), trucks);
    }

    public static StockMove ParseStock(string text, string where)
    {
        var parts = Split(text, where, "FROM:TO:AMOUNT[:KIND]", 3, 4);
        string amount = parts[2];
        bool percent = amount.EndsWith('%');
        if (percent && (amount.StartsWith('+') || amount.StartsWith('-')))
        {
            throw new OverrideFormatException(where, text, $"'{amount}': write the share that moves without a sign (20%)");
        }

        if (parts.Length == 3 && !percent)
        {
            throw new OverrideFormatException(where, text, $"'{amount}': a count or weight of bundles needs a kind (FROM:TO:{amount}:vegetable); a share of every kind is written 20%");
        }

        if (percent && double.TryParse(amount[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double share) && share > 100)
        {
            throw new OverrideFormatException(where, text, $"'{amount}': a district cannot give more than 100% of its stock");
        }

        // A share that moves is the giving district's stock going down by it: the --set form of that is "-20%".
        string setValue = percent ? "-" + amount : amount;
        var kinds = parts.Length == 4 ? [parts[3]] : s_allKinds;
        var amounts = new List<StockOverride>(kinds.Length);
        foreach (string kind in kinds)
        {
            try
            {
                amounts.Add((StockOverride)OverrideParser.Parse($"stock.{kind}={setValue}", where));
            }
            catch (OverrideFormatException e)
            {
                throw new OverrideFormatException(where, text, e.Message[(e.Message.IndexOf("': ", StringComparison.Ordinal) + 3)..]
                    .Replace("unknown key; known keys: " + OverrideParser.KnownKeys, "unknown bundle kind; kinds: meat, meat-and-vegetable, vegetable, rice-and-flour, medicine", StringComparison.Ordinal));
            }
        }

        return new StockMove(where, text, District(parts[0], text, where), District(parts[1], text, where), amounts);
    }

    private static string[] Split(string text, string where, string form, int parts, int maxParts = -1)
    {
        var split = text.Split(DistrictId.MoveSeparator, StringSplitOptions.TrimEntries);
        if (split.Length < parts || split.Length > Math.Max(parts, maxParts) || split.Any(p => p.Length == 0))
        {
            throw new OverrideFormatException(where, text, $"expected {form}");
        }

        return split;
    }

    private static DistrictId District(string id, string text, string where) =>
        DistrictId.Problem(id) is { } problem
            ? throw new OverrideFormatException(where, text, $"district id '{id}' {problem}")
            : new DistrictId(id);
}
