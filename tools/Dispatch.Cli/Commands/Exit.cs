namespace Dispatch.Cli.Commands;

// Exit codes of the commands (README "Exit codes"): every failure is told in one line on stderr.
internal static class Exit
{
    public const int Ok = 0;

    /// <summary>The work did not complete (a push left batches unacknowledged, a benchmark found a gap).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: options, files, or a request the server refused as invalid or not found.</summary>
    public const int BadInput = 2;

    /// <summary>The server could not be reached or did not answer in time.</summary>
    public const int Unreachable = 3;

    /// <summary>The server refused the key: unknown, missing, or not allowed to do this.</summary>
    public const int Refused = 4;

    /// <summary>Stopped by Ctrl+C.</summary>
    public const int Cancelled = 130;

    public static int WithBadInput(string message)
    {
        Console.Error.WriteLine($"dispatch: {message}");
        return BadInput;
    }
}
