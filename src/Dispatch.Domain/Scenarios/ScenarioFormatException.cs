namespace Dispatch.Domain.Scenarios;

/// <summary>A scenario file that cannot be read, with the file and position at fault.</summary>
public sealed class ScenarioFormatException(string file, int line, string message)
    : Exception($"{file}:{line}: {message}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
