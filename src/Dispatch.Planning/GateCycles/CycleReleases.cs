namespace Dispatch.Planning.GateCycles;

/// <summary>When each consignment's goods are released: the end of the last cycle holding any of them.</summary>
internal static class CycleReleases
{
    public static List<ConsignmentRelease> Of(IEnumerable<DisinfectionCycle> cycles) => cycles
        .SelectMany(c => c.Loads.Select(l => (l.ConsignmentId, c.EndAtSeconds)))
        .GroupBy(x => x.ConsignmentId, StringComparer.Ordinal)
        .Select(g => new ConsignmentRelease(g.Key, g.Max(x => x.EndAtSeconds)))
        .ToList();
}
