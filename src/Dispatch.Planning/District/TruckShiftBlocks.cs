using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>
/// Cuts each truck's shift into back-to-back blocks of one round trip each and routes every block as a truck
/// of its own. Independent single-trip vehicles are what the routing search handles best: chaining many trips
/// per vehicle with side constraints left most trucks idle while a few worked into the evening.
/// </summary>
internal static class TruckShiftBlocks
{
    private const char Separator = '@';

    public static IReadOnlyList<Vehicle> Split(IEnumerable<Vehicle> trucks, int blockSeconds)
    {
        var blocks = new List<Vehicle>();
        foreach (var truck in trucks)
        {
            int block = 0;
            for (int start = truck.Shift.StartSeconds; start < truck.Shift.EndSeconds; start += blockSeconds)
            {
                int end = Math.Min(truck.Shift.EndSeconds, start + blockSeconds);
                if (end - start < blockSeconds / 2)
                {
                    break;
                }

                blocks.Add(truck with { Id = $"{truck.Id}{Separator}{block++}", Shift = new Shift(start, end) });
            }
        }

        return blocks;
    }

    /// <summary>Blocks back into trucks: each truck's trips in time order, numbered from 1.</summary>
    public static TruckRoutingResult Merge(TruckRoutingResult result)
    {
        var routes = result.Routes
            .GroupBy(r => TruckIdOf(r.TruckId), StringComparer.Ordinal)
            .Select(g =>
            {
                var trips = g.SelectMany(r => r.Trips).OrderBy(t => t.DepartSeconds).Select((t, i) => t with { Number = i + 1 }).ToList();
                return new TruckRoute(g.Key, g.First().SupermarketId, trips);
            })
            .OrderBy(r => r.TruckId, StringComparer.Ordinal)
            .ToList();
        return result with { Routes = routes };
    }

    private static string TruckIdOf(string blockId)
    {
        int at = blockId.LastIndexOf(Separator);
        return at < 0 ? blockId : blockId[..at];
    }
}
