namespace Dispatch.Cli.Bench;

/// <summary>
/// What <c>dispatch bench city</c> measured, as its <c>--out</c> JSON holds it. Times in the unit their name says;
/// a percentile over nothing is null. <see cref="Problems"/> lists what makes the run fail (exit 1).
/// </summary>
public sealed record CityBenchFigures(
    CitySetupFigures Setup,
    CityIngestFigures Ingest,
    CityPlanFigures Planning,
    CityStreamFigures Streams,
    CityReplanFigures Replans,
    IReadOnlyList<string> Problems)
{
    public bool Complete => Problems.Count == 0;
}

/// <summary>The run's shape and the machine it ran on (load average is Linux's 1-minute figure).</summary>
public sealed record CitySetupFigures(
    string CityId,
    int Districts,
    int Silos,
    int? HouseholdsPerDistrict,
    int Households,
    int Volunteers,
    int Seed,
    string DistrictStorage,
    bool QuickSearch,
    int Processors,
    double? LoadAverageAtStart,
    double? LoadAverageAtEnd,
    double SilosStartSeconds,
    double DistrictsActivatedSeconds);

/// <summary>Every district's day-1 orders pushed at once, one PushOrders stream per district and supermarket.</summary>
public sealed record CityIngestFigures(int OrdersPushed, int OrdersAcknowledged, int OrdersRejected, int Batches, int Streams, double Seconds, double OrdersPerSecond);

/// <summary>Every district planned at once (PlanDistrictDay, no bottleneck probes).</summary>
public sealed record CityPlanFigures(int OrdersPlanned, double CitySeconds, double? DistrictP50Seconds, double? DistrictMaxSeconds, IReadOnlyList<DistrictPlanFigures> Districts);

/// <summary>
/// One district's plan: how long its PlanDistrictDay took and whether it holds every acknowledged order.
/// <paramref name="EndpointSilo"/> took the call; Orleans chose where the district's grain runs.
/// </summary>
public sealed record DistrictPlanFigures(string DistrictId, int EndpointSilo, double Seconds, int OrdersAcknowledged, int OrdersPlanned, double ServedByDeadlineShare);

/// <summary>The volunteers' StreamAssignments calls, opened at once over the silos, and each silo's memory around them.</summary>
public sealed record CityStreamFigures(
    int Requested, int GotRoute, int Volunteers, double OpenSeconds, double? FirstRouteP50Ms, double? FirstRouteP99Ms, IReadOnlyList<SiloMemoryFigures> Silos);

/// <summary>A silo's resident memory (VmRSS) after planning and after the streams opened.</summary>
public sealed record SiloMemoryFigures(int Silo, int Streams, double RssBeforeStreamsMiB, double RssAfterStreamsMiB, double? KiBPerStream);

/// <summary>
/// Failed deliveries reported (ReportStop), each re-planning its gate: the answer's latency, and the fan-out from the
/// answer to each open stream of each volunteer whose route changed in that version (Fanout*: per stream message;
/// FanoutComplete*: per report, until the last of its streams had it).
/// </summary>
public sealed record CityReplanFigures(
    int Reports,
    int Answered,
    double? P50Ms,
    double? P95Ms,
    double? MaxMs,
    int VolunteersAffected,
    int MessagesExpected,
    int MessagesReceived,
    double? FanoutP50Ms,
    double? FanoutP99Ms,
    double? FanoutMaxMs,
    double? FanoutCompleteP50Ms,
    double? FanoutCompleteP99Ms);
