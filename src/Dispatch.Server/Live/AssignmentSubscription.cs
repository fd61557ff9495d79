using System.Threading.Channels;
using Dispatch.Contracts.V1;

namespace Dispatch.Server.Live;

/// <summary>One stream's view of a volunteer's route: a one-slot buffer where a newer route replaces one not yet sent.</summary>
public sealed class AssignmentSubscription(Action<AssignmentSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<Assignment> _latest = Channel.CreateBounded<Assignment>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<Assignment> Reader => _latest.Reader;

    /// <summary>Never blocks: a slow reader only ever misses versions it had not yet taken.</summary>
    internal void Offer(Assignment assignment) => _latest.Writer.TryWrite(assignment);

    public void Dispose() => unsubscribe(this);
}
