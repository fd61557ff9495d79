using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dispatch.Planning.District;

namespace Dispatch.Server.Telemetry;

/// <summary>
/// The server's own meters and activities (src/Dispatch.Server/README.md, "Telemetry", lists them): intake, planning and its stages, gate
/// re-plans, open streams, refused calls. Recorded always (cheap when nobody listens); exported only when
/// configured (<see cref="TelemetryOptions"/>). Durations are in seconds, as OpenTelemetry's conventions ask.
/// </summary>
public static class DispatchTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "Dispatch.Server";

    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter s_meter = new(Name);

    private static readonly Counter<long> s_batches = s_meter.CreateCounter<long>(
        "dispatch.intake.batches", "{batch}", "Order batches answered, by outcome: stored, replayed (answered from the first answer) or refused whole");

    private static readonly Counter<long> s_orders = s_meter.CreateCounter<long>(
        "dispatch.intake.orders", "{order}", "Orders of stored batches, by outcome: accepted (on disk) or rejected");

    private static readonly Histogram<double> s_batchDuration = s_meter.CreateHistogram<double>(
        "dispatch.intake.batch.duration", "s", "From a batch's arrival to its answer (validation and the durable write)",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    private static readonly Histogram<double> s_planDuration = s_meter.CreateHistogram<double>(
        "dispatch.plan.duration", "s", "Planning a district day (PlanDistrictDay), probes included",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300] });

    private static readonly Histogram<double> s_stageDuration = s_meter.CreateHistogram<double>(
        "dispatch.plan.stage.duration", "s", "Wall time of one planning stage (allocation, trucks, gates, probes...)",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 60] });

    private static readonly Histogram<double> s_replanDuration = s_meter.CreateHistogram<double>(
        "dispatch.replan.duration", "s", "A gate re-plan from its trigger to the stored plan and the routes sent, by cause",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly UpDownCounter<long> s_openStreams = s_meter.CreateUpDownCounter<long>(
        "dispatch.streams.open", "{stream}", "Streaming calls open now, by method (route and order streams, pushes, planning)");

    private static readonly Counter<long> s_refused = s_meter.CreateCounter<long>(
        "dispatch.rpc.refused", "{call}", "Calls that ended with a status other than OK, by status (the reason) and method");

    public static void BatchAnswered(string outcome, int accepted, int rejected, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("dispatch.outcome", outcome);
        s_batches.Add(1, tag);
        s_batchDuration.Record(elapsed.TotalSeconds, tag);
        if (outcome == BatchOutcomes.Stored)
        {
            s_orders.Add(accepted, new KeyValuePair<string, object?>("dispatch.outcome", "accepted"));
            s_orders.Add(rejected, new KeyValuePair<string, object?>("dispatch.outcome", "rejected"));
        }
    }

    /// <summary>The plan's duration and one child activity and measurement per stage, from the planner's own timings.</summary>
    public static void PlanMade(Plan plan, DateTimeOffset startedAt, TimeSpan elapsed)
    {
        s_planDuration.Record(elapsed.TotalSeconds);
        var offset = startedAt;
        foreach (var stage in plan.Timings)
        {
            var tag = new KeyValuePair<string, object?>("dispatch.stage", stage.Stage);
            s_stageDuration.Record(stage.Milliseconds / 1000.0, tag);

            // Stages run one after another; their spans are laid end to end from the plan's start.
            using var activity = Source.StartActivity("dispatch.plan.stage", ActivityKind.Internal, parentContext: default, startTime: offset, tags: [tag]);
            offset += TimeSpan.FromMilliseconds(stage.Milliseconds);
            activity?.SetEndTime(offset.UtcDateTime);
        }
    }

    public static void GateReplanned(string cause, TimeSpan elapsed) =>
        s_replanDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("dispatch.cause", cause));

    public static void StreamOpened(string method) => s_openStreams.Add(1, new KeyValuePair<string, object?>("rpc.method", method));

    public static void StreamClosed(string method) => s_openStreams.Add(-1, new KeyValuePair<string, object?>("rpc.method", method));

    public static void CallRefused(string status, string method) =>
        s_refused.Add(1, new KeyValuePair<string, object?>("rpc.grpc.status", status), new KeyValuePair<string, object?>("rpc.method", method));
}

/// <summary>The outcomes a batch is counted under.</summary>
public static class BatchOutcomes
{
    public const string Stored = "stored";
    public const string Replayed = "replayed";
    public const string Refused = "refused";
}

/// <summary>Why a gate was re-planned, as a bounded label.</summary>
public static class ReplanCauses
{
    public const string LateTruck = "late_truck";
    public const string NewOrders = "new_orders";
    public const string VolunteerReport = "volunteer_report";
}
