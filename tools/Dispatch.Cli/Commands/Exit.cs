namespace Dispatch.Cli.Commands;

// Exit codes of the commands: 0 done, 2 bad input (told in one line on stderr).
internal static class Exit
{
    public const int Ok = 0;
    public const int BadInput = 2;

    public static int WithBadInput(string message)
    {
        Console.Error.WriteLine($"dispatch: {message}");
        return BadInput;
    }
}
