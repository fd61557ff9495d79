using Dispatch.Contracts.V1;
using Dispatch.Server.Live;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>A restarted server acts on what was reported before it stopped.</summary>
public sealed class LiveRestartTests
{
    private static StreamRecorder<Assignment> Stream(DispatchServerFactory server, string volunteerId) =>
        new(server.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId }, deadline: Deadlines.Soon));

    [Fact]
    public async Task Deliveries_drop_outs_and_arrivals_reported_before_a_restart_still_count_after_it()
    {
        string folder = DispatchServerFactory.NewFolder();
        string delivered;
        string orderId;
        int versionBefore;
        TruckStop stop;
        int startedTrip;
        using (var first = DispatchServerFactory.OnFolder(folder))
        {
            first.KeepFolder = true;
            await DayOne.PushAndPlanAsync(first);
            using var v1 = Stream(first, "V1");
            var route = await v1.NextAsync();
            var door = route.Trips.SelectMany(t => t.Stops).First();
            (delivered, orderId) = (door.DeliveryId, door.OrderId);
            string code = first.Services.GetRequiredService<ConfirmationCodes>().CodeFor(orderId);
            await first.CreateVolunteersClient().ReportStopAsync(
                new ReportStopRequest { VolunteerId = "V1", DeliveryId = delivered, Delivered = new Delivered { ConfirmationCode = code } }, deadline: Deadlines.Soon);
            versionBefore = (await first.CreateVolunteersClient().SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = "V3", Available = false }, deadline: Deadlines.Soon)).PlanVersion;
            using var t1 = new StreamRecorder<TruckAssignment>(first.CreateTrucksClient().StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = "T1" }, deadline: Deadlines.Soon));
            stop = (await t1.NextAsync()).Trips.SelectMany(t => t.Stops).First();
            await first.CreateTrucksClient().ReportDepartureAsync(new ReportDepartureRequest { TruckId = "T1", TripNumber = 1, DepartedAtSeconds = 3_600 }, deadline: Deadlines.Soon);
            await first.CreateTrucksClient().ReportArrivalAsync(new ReportArrivalRequest { TruckId = "T1", GateId = stop.GateId, LoadId = stop.LoadId, ArrivedAtSeconds = stop.ArrivalSeconds }, deadline: Deadlines.Soon);
            startedTrip = route.Trips.Last().Number;
            await first.CreateVolunteersClient().StartTripAsync(new StartTripRequest { VolunteerId = "V1", TripNumber = startedTrip }, deadline: Deadlines.Soon);
        }

        using var second = DispatchServerFactory.OnFolder(folder);
        using var again = Stream(second, "V1");
        var restored = await again.NextAsync(TimeSpan.FromSeconds(10));
        using var v3 = Stream(second, "V3");
        var dropped = await v3.NextAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(StopState.Delivered, restored.Trips.SelectMany(t => t.Stops).Single(s => s.DeliveryId == delivered).State);
        Assert.False(dropped.Available);
        Assert.Equal(versionBefore, restored.PlanVersion);

        // Reporting the same delivery again is a replay: the history keeps one delivery.
        string code2 = second.Services.GetRequiredService<ConfirmationCodes>().CodeFor(orderId);
        var replay = await second.CreateVolunteersClient().ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = delivered, Delivered = new Delivered { ConfirmationCode = code2 } }, deadline: Deadlines.Soon);
        Assert.True(replay.Replayed);
        var order = await second.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = orderId }, deadline: Deadlines.Soon);
        Assert.Single(order.History, h => h.Status == OrderStatus.Delivered);

        // The arrival is remembered too: a different time for it is refused.
        var changed = await Assert.ThrowsAsync<RpcException>(() => second.CreateTrucksClient().ReportArrivalAsync(
            new ReportArrivalRequest { TruckId = "T1", GateId = stop.GateId, LoadId = stop.LoadId, ArrivedAtSeconds = stop.ArrivalSeconds + 60 }, deadline: Deadlines.Soon).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, changed.StatusCode);

        // So are the departure and the trip start.
        var departure = await second.CreateTrucksClient().ReportDepartureAsync(new ReportDepartureRequest { TruckId = "T1", TripNumber = 1, DepartedAtSeconds = 3_600 }, deadline: Deadlines.Soon);
        Assert.True(departure.Replayed);
        var start = await second.CreateVolunteersClient().StartTripAsync(new StartTripRequest { VolunteerId = "V1", TripNumber = startedTrip }, deadline: Deadlines.Soon);
        Assert.True(start.Replayed);
    }
}
