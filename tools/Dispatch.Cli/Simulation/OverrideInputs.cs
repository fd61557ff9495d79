using Dispatch.Simulation.WhatIf;

namespace Dispatch.Cli.Simulation;

/// <summary>
/// What-if overrides read from files (one <c>key=value</c> a line) and <c>--set</c> options, in that order, each with
/// where it was written (<c>what-if.txt:3</c>, <c>--set #2</c>) and its text for the report.
/// </summary>
internal sealed record OverrideInputs(IReadOnlyList<ScenarioOverride> Overrides, IReadOnlyList<string> Wheres, IReadOnlyList<string> Texts)
{
    public static OverrideInputs None { get; } = new([], [], []);

    /// <exception cref="OverrideFormatException">An override cannot be read.</exception>
    /// <exception cref="FileNotFoundException">A what-if file does not exist.</exception>
    public static OverrideInputs Read(IEnumerable<string> files, IReadOnlyList<string> sets)
    {
        var overrides = new List<ScenarioOverride>();
        var wheres = new List<string>();
        var texts = new List<string>();
        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"what-if file '{file}' not found", file);
            }

            var lines = File.ReadAllLines(file);
            overrides.AddRange(OverrideParser.ParseLines(lines, file));
            var kept = lines.Select((l, n) => (Line: (l.Contains('#') ? l[..l.IndexOf('#')] : l).Trim(), Where: $"{file}:{n + 1}")).Where(l => l.Line.Length > 0).ToList();
            wheres.AddRange(kept.Select(l => l.Where));
            texts.AddRange(kept.Select(l => l.Line));
        }

        for (int i = 0; i < sets.Count; i++)
        {
            overrides.Add(OverrideParser.Parse(sets[i], $"--set #{i + 1}"));
            wheres.Add($"--set #{i + 1}");
            texts.Add(sets[i].Trim());
        }

        return new OverrideInputs(overrides, wheres, texts);
    }
}
