using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>Nobody where they don't belong: volunteers see and report only their own route, drivers their own truck.</summary>
public sealed class LiveAccessTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private static async Task<StatusCode> FirstStatusAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
            return error.StatusCode;
        }
    }

    [Fact]
    public async Task Volunteer_streams_their_own_route_with_their_own_key()
    {
        await DayOne.PushAndPlanAsync(_server);
        using var stream = new StreamRecorder<Assignment>(_server.CreateVolunteersClient(TestKeys.Volunteer)
            .StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon));

        var route = await stream.NextAsync();

        Assert.Equal("V1", route.VolunteerId);
    }

    [Fact]
    public async Task Volunteer_may_not_stream_or_report_for_another_volunteer()
    {
        var v1 = _server.CreateVolunteersClient(TestKeys.Volunteer);

        var stream = await FirstStatusAsync(v1.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V2" }, deadline: Deadlines.Soon));
        var report = await Assert.ThrowsAsync<RpcException>(async () => await v1.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V2", DeliveryId = "O-1", Failed = new Failed { Reason = FailureReason.NoAnswer } }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.PermissionDenied, stream);
        Assert.Equal(StatusCode.PermissionDenied, report.StatusCode);
    }

    [Theory]
    [InlineData(TestKeys.Sm1, StatusCode.PermissionDenied)]
    [InlineData(TestKeys.TruckDriver, StatusCode.PermissionDenied)]
    [InlineData(null, StatusCode.Unauthenticated)]
    public async Task Other_roles_and_no_key_cannot_stream_a_volunteers_route(string? key, StatusCode expected)
    {
        var client = _server.CreateVolunteersClient(key);

        var status = await FirstStatusAsync(client.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon));

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Planner_may_read_a_route_but_not_report_a_stop()
    {
        var planner = _server.CreateVolunteersClient(TestKeys.Planner);

        var report = await Assert.ThrowsAsync<RpcException>(async () => await planner.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = "O-1", Failed = new Failed { Reason = FailureReason.NoAnswer } }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.PermissionDenied, report.StatusCode);
    }

    [Fact]
    public async Task Driver_may_not_follow_another_truck_and_a_volunteer_may_not_read_plans()
    {
        var truck = await FirstStatusAsync(_server.CreateTrucksClient(TestKeys.TruckDriver)
            .StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = "T9" }, deadline: Deadlines.Soon));
        var plan = await Assert.ThrowsAsync<RpcException>(async () => await _server.CreatePlanningClient(TestKeys.Volunteer)
            .GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1 }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.PermissionDenied, truck);
        Assert.Equal(StatusCode.PermissionDenied, plan.StatusCode);
    }

    [Fact]
    public async Task Supermarket_watches_only_its_own_orders()
    {
        var status = await FirstStatusAsync(_server.CreateSupermarketsClient(TestKeys.Sm1)
            .WatchOrders(new WatchOrdersRequest { SupermarketId = "SM2" }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.PermissionDenied, status);
    }

    [Fact]
    public async Task Driver_may_not_report_another_trucks_departure_and_a_planner_none()
    {
        var other = await Assert.ThrowsAsync<RpcException>(async () => await _server.CreateTrucksClient(TestKeys.TruckDriver)
            .ReportDepartureAsync(new ReportDepartureRequest { TruckId = "T9", TripNumber = 1, DepartedAtSeconds = 0 }, deadline: Deadlines.Soon));
        var planner = await Assert.ThrowsAsync<RpcException>(async () => await _server.CreateTrucksClient(TestKeys.Planner)
            .ReportDepartureAsync(new ReportDepartureRequest { TruckId = "T1", TripNumber = 1, DepartedAtSeconds = 0 }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, planner.StatusCode);
    }

    [Fact]
    public async Task Driver_reports_their_own_departure_with_their_own_key()
    {
        await DayOne.PushAndPlanAsync(_server);

        var result = await _server.CreateTrucksClient(TestKeys.TruckDriver)
            .ReportDepartureAsync(new ReportDepartureRequest { TruckId = "T1", TripNumber = 1, DepartedAtSeconds = 0 }, deadline: Deadlines.Soon);

        Assert.False(result.Replayed);
    }

    [Theory]
    [InlineData(TestKeys.Volunteer, "V2")]
    [InlineData(TestKeys.Planner, "V1")]
    [InlineData(TestKeys.TruckDriver, "V1")]
    public async Task Only_the_volunteer_themselves_may_start_a_trip_or_confirm_a_pickup(string key, string volunteerId)
    {
        var client = _server.CreateVolunteersClient(key);

        var start = await Assert.ThrowsAsync<RpcException>(async () => await client.StartTripAsync(
            new StartTripRequest { VolunteerId = volunteerId, TripNumber = 1 }, deadline: Deadlines.Soon));
        var pickup = await Assert.ThrowsAsync<RpcException>(async () => await client.ConfirmPickupAsync(
            new ConfirmPickupRequest { VolunteerId = volunteerId, OrderId = "O-L1-A-1", ConfirmationCode = "1234" }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.PermissionDenied, start.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, pickup.StatusCode);
    }

    [Fact]
    public async Task Volunteer_starts_their_own_trip_with_their_own_key()
    {
        await DayOne.PushAndPlanAsync(_server);

        var result = await _server.CreateVolunteersClient(TestKeys.Volunteer)
            .StartTripAsync(new StartTripRequest { VolunteerId = "V1", TripNumber = 1 }, deadline: Deadlines.Soon);

        Assert.False(result.Replayed);
        Assert.NotEmpty(result.Orders);
    }
}
