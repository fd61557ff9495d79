namespace Dispatch.Domain.Orders;

/// <summary>An orders file that cannot be read, with the file and 1-based line at fault.</summary>
public sealed class OrderFileFormatException(string file, int line, string message)
    : Exception($"{file}:{line}: {message}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
