using Grpc.Core;

namespace Dispatch.Cli.Bench;

/// <summary>
/// One simulated client of <c>bench load</c> (a supermarket pushing, later a volunteer streaming): runs until
/// <paramref name="until"/> passes or cancellation, recording into its kind's tally.
/// </summary>
public interface ILoadClient
{
    string Kind { get; }

    Task RunAsync(CallInvoker invoker, LoadTally tally, DateTime until, CancellationToken cancellationToken);
}
