using Dispatch.Domain.Geography;

namespace Dispatch.Simulation.Cities;

/// <summary>Where one district's run of a city simulation is.</summary>
/// <param name="AfterMoves">False for the city as it is; true for the run with the moves between districts applied.</param>
public sealed record CityProgress(DistrictId District, bool AfterMoves, int Day, int Days, string Stage, bool Finished);
