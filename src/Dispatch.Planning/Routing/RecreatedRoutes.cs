namespace Dispatch.Planning.Routing;

/// <summary>A solution as routes of solver indices per trip vehicle (stops only, no depots) and its cost.</summary>
internal sealed record RecreatedRoutes<TSolution>(long[][] Routes, long Cost, TSolution Solution);
