using Dispatch.Domain.Orders;

namespace Dispatch.Server.Live;

/// <summary>Background work of the live day that has ended (see <see cref="LiveWork"/>).</summary>
/// <param name="Error">Why it failed; null when it did its work.</param>
public abstract record LiveWorkDone(Exception? Error);

/// <summary>Stored orders went through a top-up (those of another day than the live one, or already planned, are left as they were).</summary>
/// <param name="Orders">Every order the top-up was given.</param>
/// <param name="PlanVersion">The plan version after it; 0 when no day is live.</param>
public sealed record TopUpCompleted(IReadOnlyList<Order> Orders, int PlanVersion, Exception? Error = null) : LiveWorkDone(Error)
{
    public bool Includes(string orderId) => Orders.Any(o => o.Id == orderId);
}

/// <summary>A gate re-planned in the background (a late truck expected at it), or found it had nothing to do.</summary>
/// <param name="PlanVersion">The plan version after it.</param>
public sealed record ReplanCompleted(string GateId, string Cause, int PlanVersion, Exception? Error = null) : LiveWorkDone(Error);

/// <summary>The plan clock was checked for goods whose rest is over (<see cref="ReleaseWatch"/>); <paramref name="Released"/> orders were.</summary>
public sealed record ReleaseChecked(int Released, Exception? Error = null) : LiveWorkDone(Error);
