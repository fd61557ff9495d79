using Dispatch.Server.Errors;

namespace Dispatch.Server.Live;

/// <summary>The district's day being delivered, if any: replaced whole when a new district plan goes live.</summary>
internal sealed class LiveDays
{
    private volatile LiveDay? _day;

    public LiveDay? Current => _day;

    /// <summary>True while <paramref name="day"/> is still the one being delivered (a re-plan of a replaced day is dropped).</summary>
    public bool IsCurrent(LiveDay day) => ReferenceEquals(day, _day);

    public LiveDay OrThrow() => _day ?? throw new PreconditionFailedException("no plan is being delivered yet: plan the day first");

    /// <summary>Only under the compose lock (<see cref="LiveCoordinator"/>).</summary>
    public void Set(LiveDay day) => _day = day;
}
