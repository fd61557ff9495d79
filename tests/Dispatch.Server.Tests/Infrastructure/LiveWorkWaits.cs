using Dispatch.Server.Events;
using Dispatch.Server.Live;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>Waits for the server's background live work by its completion events, with a bound instead of a sleep.</summary>
public static class LiveWorkWaits
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    /// <summary>The top-up that was given <paramref name="orderId"/>, done.</summary>
    public static async Task<TopUpCompleted> TopUpOfAsync(this EventSubscription<LiveWorkDone> work, string orderId) =>
        (TopUpCompleted)await work.NextAsync(d => d is TopUpCompleted t && t.Includes(orderId), s_bound);

    /// <summary>A background re-plan of <paramref name="gateId"/>, done.</summary>
    public static async Task<ReplanCompleted> ReplanOfAsync(this EventSubscription<LiveWorkDone> work, string gateId) =>
        (ReplanCompleted)await work.NextAsync(d => d is ReplanCompleted r && r.GateId == gateId, s_bound);

    /// <summary>
    /// A release check that began after this call: the second to end from now (the first may have read the clock
    /// before the caller moved it).
    /// </summary>
    public static async Task ReleaseCheckedAfterAsync(this EventSubscription<LiveWorkDone> work)
    {
        await work.NextAsync(d => d is ReleaseChecked, s_bound);
        await work.NextAsync(d => d is ReleaseChecked, s_bound);
    }
}
