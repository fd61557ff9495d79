using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>
/// The server's own metrics, read from the Prometheus scrape endpoint after real calls through the pipeline. The
/// meters are the process's, so these tests run alone: other servers' calls would count too.
/// </summary>
[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed partial class TelemetryTests
{
    [Fact]
    public async Task Intake_planning_re_plans_open_streams_and_refusals_are_counted_on_the_scrape_endpoint()
    {
        using var server = new DispatchServerFactory { Settings = new Dictionary<string, string> { ["Telemetry:Prometheus:Enabled"] = "true" } };
        using var http = server.CreateClient();
        var before = Parse(await http.GetStringAsync("/metrics"));

        await DayOne.PushAndPlanAsync(server);
        await Assert.ThrowsAsync<RpcException>(() => server.CreateIntakeClient(apiKey: "no-such-key").SubmitBatchAsync(Batches.Valid("T-unknown-key"), deadline: Deadlines.Soon).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => server.CreateIntakeClient(TestKeys.Sm2).SubmitBatchAsync(Batches.Valid("T-not-mine"), deadline: Deadlines.Soon).ResponseAsync);
        await server.CreateVolunteersClient().SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = "V1", Available = false }, deadline: Deadlines.Soon);
        using var stream = server.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V2" }, deadline: Deadlines.Soon);
        Assert.True(await stream.ResponseStream.MoveNext(), "the volunteer's route should come first");

        var after = Parse(await http.GetStringAsync("/metrics"));

        Assert.Equal(2, Delta(before, after, "dispatch_intake_batches_total", "dispatch_outcome=\"stored\""));
        Assert.Equal(10, Delta(before, after, "dispatch_intake_orders_total", "dispatch_outcome=\"accepted\""));
        Assert.Equal(2, Delta(before, after, "dispatch_intake_batch_duration_seconds_count", "dispatch_outcome=\"stored\""));
        Assert.True(Delta(before, after, "dispatch_plan_duration_seconds_count", "") >= 1);
        Assert.True(Delta(before, after, "dispatch_plan_stage_duration_seconds_count", "dispatch_stage=\"trucks\"") >= 1, "a stage's time");
        Assert.True(Delta(before, after, "dispatch_replan_duration_seconds_count", "dispatch_cause=\"volunteer_report\"") >= 1);
        Assert.True(Delta(before, after, "dispatch_rpc_refused_total", "rpc_grpc_status=\"Unauthenticated\"") >= 1);
        Assert.True(Delta(before, after, "dispatch_rpc_refused_total", "rpc_grpc_status=\"PermissionDenied\",rpc_method=\"/dispatch.v1.OrderIntake/SubmitBatch\"") >= 1);
        Assert.True(Value(after, "dispatch_streams_open", "rpc_method=\"/dispatch.v1.Volunteers/StreamAssignments\"") >= 1, "the open route stream");
    }

    [Fact]
    public async Task No_scrape_endpoint_unless_switched_on()
    {
        using var server = new DispatchServerFactory();
        using var http = server.CreateClient();

        var response = await http.GetAsync("/metrics");
        string body = await response.Content.ReadAsStringAsync();

        // The phone app answers its own paths with its index page; what matters is that no figures are served.
        Assert.DoesNotContain("# TYPE", body, StringComparison.Ordinal);
        Assert.DoesNotContain("dispatch_", body, StringComparison.Ordinal);
    }

    // Sums of the samples of one metric whose labels contain the given text ("name{labels} value" lines).
    private static List<(string Name, string Labels, double Value)> Parse(string text) =>
        SampleLine().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value, double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))).ToList();

    private static double Value(List<(string Name, string Labels, double Value)> samples, string name, string labels) =>
        samples.Where(s => s.Name == name && s.Labels.Contains(labels, StringComparison.Ordinal)).Sum(s => s.Value);

    private static double Delta(List<(string Name, string Labels, double Value)> before, List<(string Name, string Labels, double Value)> after, string name, string labels) =>
        Value(after, name, labels) - Value(before, name, labels);

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? ([-+0-9.eE]+|NaN)(?: \d+)?$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
