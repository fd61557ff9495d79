namespace Dispatch.Simulation.Days;

/// <summary>Where a simulation is: the day being planned and the planner's stage within it.</summary>
public sealed record SimulationProgress(int Day, int Days, string Stage, int StageDone, int StageTotal);
