using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Live;

/// <summary>
/// How a truck's lateness at one stop carries to its later stops: each later stop is reached as late as the truck
/// leaves the one before it, less any wait the plan had there (a stop reached before it could unload absorbs
/// delay); a later trip leaves when the truck is back if that is after its planned departure (reloading is taken
/// to fit in the planned gap). Pure.
/// </summary>
public static class TruckDelay
{
    /// <returns>The later stops the truck will now reach late, in route order, with when it is expected.</returns>
    public static IReadOnlyList<ExpectedArrival> Propagate(TruckRoute route, string gateId, string loadId, int arrivedAtSeconds)
    {
        var expected = new List<ExpectedArrival>();
        int delay = -1;
        int previousReturn = 0;
        foreach (var trip in route.Trips.OrderBy(t => t.DepartSeconds))
        {
            if (delay > 0)
            {
                // Back late from the trip before: this one leaves late by what its planned gap does not absorb.
                delay = Math.Max(0, previousReturn + delay - trip.DepartSeconds);
            }

            foreach (var stop in trip.Stops)
            {
                if (delay < 0)
                {
                    if (stop.GateId == gateId && stop.LoadId == loadId)
                    {
                        delay = Math.Max(0, Math.Max(arrivedAtSeconds, stop.UnloadStartSeconds) - stop.UnloadStartSeconds);
                    }

                    continue;
                }

                if (delay == 0)
                {
                    continue;
                }

                int arrival = stop.ArrivalSeconds + delay;
                expected.Add(new ExpectedArrival(stop.GateId, stop.LoadId, stop.ArrivalSeconds, arrival, stop.Piece));
                delay = Math.Max(0, arrival - stop.UnloadStartSeconds);
            }

            previousReturn = trip.ReturnSeconds;
        }

        return expected;
    }
}

/// <summary>A later stop of a late truck: when it was planned to arrive and when it is now expected.</summary>
/// <param name="Piece">The load piece the stop unloads; null: every piece of the load the truck brings to the gate.</param>
public sealed record ExpectedArrival(string GateId, string LoadId, int PlannedArrivalSeconds, int ExpectedArrivalSeconds, int? Piece = null)
{
    public int LateBySeconds => ExpectedArrivalSeconds - PlannedArrivalSeconds;
}
