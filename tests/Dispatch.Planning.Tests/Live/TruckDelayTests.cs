using Dispatch.Planning.Live;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Tests.Live;

public sealed class TruckDelayTests
{
    /// <summary>Trip 1: A at 2,000, B at 3,000 (waits until 3,500 to unload), C at 4,000, back at 5,000. Trip 2 leaves at 6,000: D at 7,000.</summary>
    private static readonly TruckRoute Route = new("T1", "SM1",
    [
        new TruckTrip(1, 1_000, 5_000, 0, 0, [Stop("A", 2_000, 2_000), Stop("B", 3_000, 3_500), Stop("C", 4_000, 4_000)]),
        new TruckTrip(2, 6_000, 8_000, 0, 0, [Stop("D", 7_000, 7_000)]),
    ]);

    private static TruckStop Stop(string gate, int arrival, int unloadStart) => new(gate, $"L-{gate}", 1, 1, 1_000, arrival, unloadStart);

    [Fact]
    public void A_wait_in_the_plan_absorbs_part_of_the_delay_and_the_gap_before_the_next_trip_the_rest()
    {
        var expected = TruckDelay.Propagate(Route, "A", "L-A", 3_000);

        Assert.Equal(
            [new ExpectedArrival("B", "L-B", 3_000, 4_000, 1), new ExpectedArrival("C", "L-C", 4_000, 4_500, 1)],
            expected);
    }

    [Fact]
    public void A_delay_longer_than_the_gap_makes_the_next_trip_late_too()
    {
        var expected = TruckDelay.Propagate(Route, "A", "L-A", 4_000);

        Assert.Equal(
            [new ExpectedArrival("B", "L-B", 3_000, 5_000, 1), new ExpectedArrival("C", "L-C", 4_000, 5_500, 1), new ExpectedArrival("D", "L-D", 7_000, 7_500, 1)],
            expected);
        Assert.Equal(500, expected[^1].LateBySeconds);
    }

    [Fact]
    public void On_time_or_at_the_last_stop_nothing_later_moves()
    {
        Assert.Empty(TruckDelay.Propagate(Route, "A", "L-A", 2_000));
        Assert.Empty(TruckDelay.Propagate(Route, "D", "L-D", 9_000));
        Assert.Empty(TruckDelay.Propagate(Route, "X", "L-X", 9_000));
    }
}
