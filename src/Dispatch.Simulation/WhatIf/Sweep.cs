using System.Globalization;

namespace Dispatch.Simulation.WhatIf;

/// <summary>
/// A resource swept over values: <c>volunteers=600..1600:200</c> (from..to:step, a suffix such as <c>t</c> or
/// <c>x</c> on the first figure applies to all) or <c>trucks=40,60,80</c>. Each value is one override.
/// </summary>
public sealed record Sweep(string Key, IReadOnlyList<double> Values, IReadOnlyList<ScenarioOverride> Overrides)
{
    /// <summary>More runs than this is a typing error, not a plan.</summary>
    public const int MaxValues = 50;

    public static Sweep Parse(string text, string where = "--sweep")
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new OverrideFormatException(where, text.Trim(), "expected key=from..to:step or key=v1,v2,...");
        }

        string key = text[..equals].Trim();
        string spec = text[(equals + 1)..].Trim();
        if (key.StartsWith("risk.", StringComparison.OrdinalIgnoreCase))
        {
            throw new OverrideFormatException(where, key, "risk levels cannot be swept");
        }

        var values = new List<(double Number, string Text)>();
        int dots = spec.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0)
        {
            int colon = spec.IndexOf(':', dots);
            if (colon < 0)
            {
                throw new OverrideFormatException(where, key, $"'{spec}': a range needs a step (from..to:step)");
            }

            string suffix = Suffix(spec[..dots]);
            double from = Number(spec[..dots], suffix, where, key);
            double to = Number(spec[(dots + 2)..colon], suffix, where, key);
            double step = Number(spec[(colon + 1)..], suffix, where, key);
            if (step <= 0 || to < from)
            {
                throw new OverrideFormatException(where, key, $"'{spec}': the step must be positive and to at least from");
            }

            // Counted, not accumulated, so 0.1 steps do not drift.
            int count = (int)Math.Floor(((to - from) / step) + 1e-9) + 1;
            if (count > MaxValues)
            {
                throw new OverrideFormatException(where, key, $"'{spec}' gives {count} runs; at most {MaxValues}");
            }

            for (int i = 0; i < count; i++)
            {
                double v = from + (i * step);
                values.Add((v, v.ToString("0.######", CultureInfo.InvariantCulture) + suffix));
            }
        }
        else
        {
            foreach (string part in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                string suffix = Suffix(part);
                values.Add((Number(part, suffix, where, key), part));
            }
        }

        if (values.Count == 0 || values.Count > MaxValues)
        {
            throw new OverrideFormatException(where, key, $"'{spec}': give 1 to {MaxValues} values");
        }

        var overrides = values.Select(v => OverrideParser.Parse($"{key}={v.Text}", where)).ToList();
        return new Sweep(key, values.Select(v => v.Number).ToList(), overrides);
    }

    private static string Suffix(string figure)
    {
        int end = figure.Length;
        while (end > 0 && !char.IsDigit(figure[end - 1]))
        {
            end--;
        }

        return figure[end..].Trim();
    }

    private static double Number(string figure, string suffix, string where, string key)
    {
        string trimmed = figure.Trim();
        string number = suffix.Length > 0 && trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? trimmed[..^suffix.Length] : trimmed;
        return double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new OverrideFormatException(where, key, $"'{figure.Trim()}' is not a number");
    }
}
