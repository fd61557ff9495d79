namespace Dispatch.Simulation.WhatIf;

/// <summary>An override or sweep that cannot be read, naming where it was written and the key at fault.</summary>
/// <param name="where">Where the text came from: <c>--set #2</c> or <c>what-if.txt:7</c>.</param>
/// <param name="key">The key at fault (or the whole text when no key could be read).</param>
public sealed class OverrideFormatException(string where, string key, string message)
    : Exception($"{where}: '{key}': {message}")
{
    public string Where { get; } = where;

    public string Key { get; } = key;
}
