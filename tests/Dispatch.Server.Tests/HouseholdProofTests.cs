using Dispatch.Contracts.V1;
using Dispatch.Server.Auth;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>
/// A household learns its proof code honestly: its supermarket reads it (and the household's access token) from
/// GetOrder or ListOrders and sends it with the order confirmation; the code it reads is the one a volunteer's report
/// is checked against. Nobody else is handed them.
/// </summary>
public sealed class HouseholdProofTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private static List<AssignmentStop> Stops(Assignment assignment) => assignment.Trips.SelectMany(t => t.Stops).ToList();

    [Fact]
    public async Task The_owning_supermarket_reads_a_six_digit_code_and_an_url_safe_token_and_nobody_else_does()
    {
        await _server.CreateIntakeClient(TestKeys.Sm1).SubmitBatchAsync(Batches.Valid("B-1", orderPrefix: "O"), deadline: Deadlines.Soon);

        var own = await _server.CreateIntakeClient(TestKeys.Sm1).GetOrderAsync(new GetOrderRequest { OrderId = "O-1" }, deadline: Deadlines.Soon);
        var listed = await _server.CreateIntakeClient(TestKeys.Sm1).ListOrdersAsync(new ListOrdersRequest(), deadline: Deadlines.Soon);
        var byPlanner = await _server.CreateIntakeClient(TestKeys.Planner).GetOrderAsync(new GetOrderRequest { OrderId = "SM1/O-1" }, deadline: Deadlines.Soon);
        var plannerList = await _server.CreateIntakeClient(TestKeys.Planner).ListOrdersAsync(new ListOrdersRequest(), deadline: Deadlines.Soon);

        Assert.Matches("^[0-9]{6}$", own.ConfirmationCode);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", own.HouseholdToken);
        Assert.Equal(own.ConfirmationCode, listed.Orders.Single(o => o.OrderId == "O-1").ConfirmationCode);
        Assert.Equal(own.HouseholdToken, listed.Orders.Single(o => o.OrderId == "O-1").HouseholdToken);
        Assert.Equal(3, listed.Orders.Select(o => o.HouseholdToken).Distinct().Count());
        Assert.True(_server.Services.GetRequiredService<HouseholdTokens>().Matches("SM1/O-1", own.HouseholdToken));
        Assert.False(_server.Services.GetRequiredService<HouseholdTokens>().Matches("SM1/O-2", own.HouseholdToken));
        Assert.Equal(("", ""), (byPlanner.ConfirmationCode, byPlanner.HouseholdToken));
        Assert.All(plannerList.Orders, o => Assert.Equal(("", ""), (o.ConfirmationCode, o.HouseholdToken)));
    }

    [Fact]
    public async Task The_code_the_supermarket_reads_is_the_one_the_door_accepts()
    {
        await DayOne.PushAndPlanAsync(_server);
        var volunteers = _server.CreateVolunteersClient();
        using var stream = new StreamRecorder<Assignment>(volunteers.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon));
        var stop = Stops(await stream.NextAsync()).First(s => s.OrderId.StartsWith("SM1/", StringComparison.Ordinal));
        var order = await _server.CreateIntakeClient(TestKeys.Sm1).GetOrderAsync(new GetOrderRequest { OrderId = stop.OrderId["SM1/".Length..] }, deadline: Deadlines.Soon);

        var reported = await volunteers.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = stop.DeliveryId, Delivered = new Delivered { ConfirmationCode = order.ConfirmationCode } }, deadline: Deadlines.Soon);

        Assert.Equal(StopState.Delivered, reported.State);
    }
}
