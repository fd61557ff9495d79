namespace Dispatch.Simulation.Cities;

/// <summary>
/// A city simulation: every district as it is (<see cref="Before"/>) and, when moves were asked, every district with
/// them applied (<see cref="After"/>; a district no move touches is the same run in both, planned once).
/// </summary>
public sealed record CityResult(IReadOnlyList<DistrictRun> Before, IReadOnlyList<DistrictRun>? After, IReadOnlyList<DistrictMove> Moves)
{
    public CityTotals BeforeTotals => CityTotals.Of(Before);

    public CityTotals? AfterTotals => After is null ? null : CityTotals.Of(After);
}
