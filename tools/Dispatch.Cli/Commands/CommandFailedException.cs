namespace Dispatch.Cli.Commands;

/// <summary>A command that cannot go on, with the one line to tell and the exit code (<see cref="Exit"/>).</summary>
public sealed class CommandFailedException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
