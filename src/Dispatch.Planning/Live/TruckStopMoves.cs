namespace Dispatch.Planning.Live;

/// <summary>
/// Moves a truck's stops to when it is now expected: a stop named by gate and load (every piece of the load unless
/// a piece is named) arrives then and unloads no earlier. Other trucks, and the truck's other stops, stay. Pure.
/// </summary>
public sealed class TruckStopMoves
{
    public TruckStopMovesResult Move(TruckStopMovesInput input)
    {
        var routes = input.Routes.Select(r => r.TruckId != input.TruckId ? r : r with
        {
            Trips = r.Trips.Select(t => t with
            {
                Stops = t.Stops.Select(s => input.Expected.FirstOrDefault(e => e.GateId == s.GateId && e.LoadId == s.LoadId && (e.Piece ?? s.Piece) == s.Piece) is { } e
                    ? s with { ArrivalSeconds = e.ExpectedArrivalSeconds, UnloadStartSeconds = Math.Max(e.ExpectedArrivalSeconds, s.UnloadStartSeconds) }
                    : s).ToList(),
            }).ToList(),
        }).ToList();
        return new TruckStopMovesResult(routes);
    }
}
