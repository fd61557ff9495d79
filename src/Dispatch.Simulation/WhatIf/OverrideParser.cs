using System.Globalization;
using Dispatch.Domain;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.WhatIf;

/// <summary>
/// Reads what-if overrides written <c>key=value</c>, from the command line or from a what-if file (one a line,
/// <c>#</c> starts a comment). Keys: <c>trucks</c>, <c>volunteers</c>, <c>stock.meat</c>,
/// <c>stock.meat-and-vegetable</c>, <c>stock.vegetable</c>, <c>stock.rice-and-flour</c>, <c>stock.medicine</c>,
/// <c>gate.ID.capacity</c>, <c>gate.ID.crowd</c> (ID or <c>*</c>), <c>risk.community.ID</c>,
/// <c>rate.truck-illness</c>, <c>rate.volunteer-illness</c>, <c>rate.volunteer-dropout</c>,
/// <c>rate.delivery-failure</c>, <c>rate.stock-swing</c>. Errors name the place and the key.
/// </summary>
public static class OverrideParser
{
    /// <summary>Every key form, for messages and help.</summary>
    public const string KnownKeys =
        "trucks, volunteers, stock.meat, stock.meat-and-vegetable, stock.vegetable, stock.rice-and-flour, stock.medicine, "
        + "gate.<id|*>.capacity, gate.<id|*>.crowd, risk.community.<id>, rate.truck-illness, rate.volunteer-illness, "
        + "rate.volunteer-dropout, rate.delivery-failure, rate.stock-swing";

    private static readonly Dictionary<string, BundleKind> s_stockKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["meat"] = BundleKind.MeatAndVegetable,
        ["meat-and-vegetable"] = BundleKind.MeatAndVegetable,
        ["vegetable"] = BundleKind.Vegetable,
        ["rice-and-flour"] = BundleKind.RiceAndFlour,
        ["medicine"] = BundleKind.Medicine,
    };

    private static readonly Dictionary<string, SimulationRate> s_rates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["truck-illness"] = SimulationRate.TruckIllness,
        ["volunteer-illness"] = SimulationRate.VolunteerIllness,
        ["volunteer-dropout"] = SimulationRate.VolunteerDropOut,
        ["delivery-failure"] = SimulationRate.DeliveryFailure,
        ["stock-swing"] = SimulationRate.StockSwing,
    };

    /// <summary>Parses one <c>key=value</c>; <paramref name="where"/> names it in errors (<c>--set #2</c>, <c>file:7</c>).</summary>
    public static ScenarioOverride Parse(string text, string where)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new OverrideFormatException(where, text.Trim(), "expected key=value");
        }

        string key = text[..equals].Trim();
        string value = text[(equals + 1)..].Trim();
        if (value.Length == 0)
        {
            throw new OverrideFormatException(where, key, "the value is empty");
        }

        var parts = key.Split('.');
        return parts[0].ToLowerInvariant() switch
        {
            "trucks" when parts.Length == 1 => new TruckCountOverride(key, ReadAmount(value, where, key, allowGrams: false)),
            "volunteers" when parts.Length == 1 => new VolunteerCountOverride(key, ReadAmount(value, where, key, allowGrams: false)),
            "stock" when parts.Length == 2 && s_stockKinds.TryGetValue(parts[1], out var kind) =>
                new StockOverride(key, kind, ReadAmount(value, where, key, allowGrams: true), GramsPerBundle(parts[1], kind)),
            "gate" when parts.Length >= 3 => Gate(key, parts, value, where),
            "risk" when parts.Length >= 3 && parts[1].Equals("community", StringComparison.OrdinalIgnoreCase) =>
                Risk(key, string.Join('.', parts[2..]), value, where),
            "rate" when parts.Length == 2 && s_rates.TryGetValue(parts[1], out var rate) => new RateOverride(key, rate, ReadShare(value, where, key)),
            _ => throw new OverrideFormatException(where, key, $"unknown key; known keys: {KnownKeys}"),
        };
    }

    /// <summary>Parses a what-if file's lines; blank lines and <c>#</c> comments are skipped.</summary>
    public static IReadOnlyList<ScenarioOverride> ParseLines(IEnumerable<string> lines, string file)
    {
        var result = new List<ScenarioOverride>();
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            int hash = raw.IndexOf('#', StringComparison.Ordinal);
            string line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length > 0)
            {
                result.Add(Parse(line, $"{file}:{number}"));
            }
        }

        return result;
    }

    private static long GramsPerBundle(string stockName, BundleKind kind) =>
        stockName.Equals("meat", StringComparison.OrdinalIgnoreCase)
            ? DistrictStock.MeatGramsPerMeatAndVegetableBundle
            : BundleCatalog.Standard.WeightGrams(kind);

    private static GateOverride Gate(string key, string[] parts, string value, string where)
    {
        // Gate ids may hold dots: the property is the last part.
        string gateId = string.Join('.', parts[1..^1]);
        return parts[^1].ToLowerInvariant() switch
        {
            "capacity" => new GateOverride(key, gateId, GateProperty.Capacity, RequireNotCount(ReadAmount(value, where, key, allowGrams: true), where, key)),
            "crowd" => new GateOverride(key, gateId, GateProperty.CrowdCap, ReadAmount(value, where, key, allowGrams: false)),
            _ => throw new OverrideFormatException(where, key, "a gate key ends in .capacity or .crowd"),
        };
    }

    private static Amount RequireNotCount(Amount amount, string where, string key) =>
        amount.Kind == AmountKind.Count
            ? throw new OverrideFormatException(where, key, "a capacity is a weight (2t, 1500kg), a change (+50%) or a factor (2x)")
            : amount;

    private static RiskOverride Risk(string key, string communityId, string value, string where)
    {
        string levelText = value;
        int fromDay = 1;
        int at = value.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            levelText = value[..at].Trim();
            string dayText = value[(at + 1)..].Trim();
            if (dayText.StartsWith("day", StringComparison.OrdinalIgnoreCase))
            {
                dayText = dayText[3..];
            }

            if (!int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out fromDay) || fromDay < 1)
            {
                throw new OverrideFormatException(where, key, $"'{value[(at + 1)..]}' is not a day (write @day5)");
            }
        }

        RiskLevel level = levelText.ToLowerInvariant() switch
        {
            "high" => RiskLevel.High,
            "medium" => RiskLevel.Medium,
            "low" or "lifted" => RiskLevel.Low,
            _ => throw new OverrideFormatException(where, key, $"'{levelText}' is not a risk level (high, medium, low)"),
        };
        return new RiskOverride(key, communityId, level, fromDay);
    }

    private static double ReadShare(string value, string where, string key)
    {
        bool percent = value.EndsWith('%');
        string number = percent ? value[..^1] : value;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double share) || !double.IsFinite(share))
        {
            throw new OverrideFormatException(where, key, $"'{value}' is not a rate (write 5% or 0.05)");
        }

        share = percent ? share / 100 : share;
        return share is < 0 or > 1
            ? throw new OverrideFormatException(where, key, $"'{value}' is outside 0%..100%")
            : share;
    }

    private static Amount ReadAmount(string value, string where, string key, bool allowGrams)
    {
        string lower = value.ToLowerInvariant();
        (string number, AmountKind kind, double scale) = lower switch
        {
            _ when lower.EndsWith('%') => (lower[..^1], AmountKind.Percent, 1.0),
            _ when lower.EndsWith('x') => (lower[..^1], AmountKind.Factor, 1.0),
            _ when lower.EndsWith("kg", StringComparison.Ordinal) => (lower[..^2], AmountKind.Grams, Units.GramsPerKilogram),
            _ when lower.EndsWith('t') => (lower[..^1], AmountKind.Grams, Units.GramsPerTonne),
            _ => (lower, AmountKind.Count, 1.0),
        };
        if (kind == AmountKind.Grams && !allowGrams)
        {
            throw new OverrideFormatException(where, key, $"'{value}' is a weight; this key takes a count, a change (-20%) or a factor (2x)");
        }

        bool signed = number.StartsWith('+') || number.StartsWith('-');
        if (signed && kind != AmountKind.Percent)
        {
            throw new OverrideFormatException(where, key, $"'{value}': only a percentage takes a sign (write -20%)");
        }

        if (kind == AmountKind.Percent && !signed)
        {
            throw new OverrideFormatException(where, key, $"'{value}': a change in percent takes a sign (+10% or -20%); for a multiple write 1.1x");
        }

        if (!double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double parsed)
            || !double.IsFinite(parsed) || (kind != AmountKind.Percent && parsed < 0) || (kind == AmountKind.Percent && parsed < -100))
        {
            throw new OverrideFormatException(where, key, $"'{value}' is not a count (50), a weight (60t, 500kg), a change (-20%) or a factor (2x)");
        }

        if (kind == AmountKind.Count && parsed != Math.Floor(parsed))
        {
            throw new OverrideFormatException(where, key, $"'{value}' is not a whole count");
        }

        return new Amount(kind, parsed * scale);
    }
}
