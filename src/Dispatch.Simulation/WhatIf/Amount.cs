namespace Dispatch.Simulation.WhatIf;

/// <summary>How an override's value is read: a new figure, a change in percent, or a factor.</summary>
public enum AmountKind
{
    /// <summary>A count in the key's own unit (trucks, volunteers, bundles, people).</summary>
    Count,

    /// <summary>A weight, written with a <c>t</c> (tonnes) or <c>kg</c> suffix, kept in grams.</summary>
    Grams,

    /// <summary>A change, written <c>+10%</c> or <c>-20%</c>; <see cref="Amount.Value"/> is the percentage.</summary>
    Percent,

    /// <summary>A multiple, written <c>2x</c> or <c>0.5x</c>.</summary>
    Factor,
}

/// <summary>The value of an override: <c>50</c>, <c>60t</c>, <c>-20%</c>, <c>2x</c>.</summary>
public readonly record struct Amount(AmountKind Kind, double Value)
{
    /// <summary>The new figure for a current <paramref name="current"/>; absolute amounts replace it (rounded, never negative).</summary>
    /// <param name="gramsPerUnit">Grams in one unit of the key, to turn a weight into a count; 0 when weights make no sense for the key.</param>
    public long ApplyTo(long current, long gramsPerUnit = 0)
    {
        double result = Kind switch
        {
            AmountKind.Count => Value,
            AmountKind.Grams => gramsPerUnit > 0 ? Math.Floor(Value / gramsPerUnit) : throw new InvalidOperationException("a weight needs grams per unit"),
            AmountKind.Percent => current * (1 + (Value / 100.0)),
            AmountKind.Factor => current * Value,
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown amount kind"),
        };
        return Math.Max(0, (long)Math.Round(result, MidpointRounding.AwayFromZero));
    }

    public override string ToString() => Kind switch
    {
        AmountKind.Count => Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        AmountKind.Grams => (Value / 1_000_000).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "t",
        AmountKind.Percent => Value.ToString("+0.##;-0.##;0", System.Globalization.CultureInfo.InvariantCulture) + "%",
        _ => Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "x",
    };
}
