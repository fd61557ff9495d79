namespace Dispatch.Cli.Live;

/// <summary>
/// Runs a live client: follows its stream while its command lines run, until the lines end or one says quit.
/// A stream that fails for good (server not reachable, key refused) ends the session with that failure.
/// </summary>
internal static class LiveSessions
{
    public static async Task RunAsync(
        Func<CancellationToken, Task> follow, Func<string, CancellationToken, Task<bool>> runLine, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        using var following = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var followTask = follow(following.Token);

        // Lines may come from stdin, which blocks: read them off the caller's thread.
        var commands = Task.Run(async () =>
        {
            foreach (string line in lines)
            {
                if (!await runLine(line, cancellationToken))
                {
                    return;
                }
            }
        }, cancellationToken);
        try
        {
            if (await Task.WhenAny(commands, followTask) == followTask)
            {
                // Following ends by itself only when it failed for good.
                await followTask;
            }

            await commands;
        }
        finally
        {
            following.Cancel();
            await followTask.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
