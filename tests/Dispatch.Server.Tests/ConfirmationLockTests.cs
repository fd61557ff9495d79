using Dispatch.Contracts.V1;
using Dispatch.Server.Live;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>
/// Proof codes cannot be found by trying: wrong codes lock an order's confirmation (5 by default) and a volunteer's
/// code reports (20 a day by default); a locked attempt is FAILED_PRECONDITION even with the right code, the lock is
/// in the order's history and survives a restart, and only a planner or admin lifts it.
/// </summary>
public sealed class ConfirmationLockTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private static List<AssignmentStop> Stops(Assignment assignment) => assignment.Trips.SelectMany(t => t.Stops).ToList();

    private static string CodeOf(DispatchServerFactory server, string orderRef) => server.Services.GetRequiredService<ConfirmationCodes>().CodeFor(orderRef);

    private static string WrongCodeOf(DispatchServerFactory server, string orderRef, int attempt)
    {
        string wrong = (attempt * 111_111 % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return wrong == CodeOf(server, orderRef) ? "999999" : wrong;
    }

    private static async Task<AssignmentStop> FirstStopAsync(DispatchServerFactory server, string volunteerId = "V1")
    {
        using var stream = new StreamRecorder<Assignment>(server.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId }, deadline: Deadlines.Soon));
        return Stops(await stream.NextAsync(TimeSpan.FromSeconds(10)))[0];
    }

    private static Task<ReportStopResult> DeliverAsync(DispatchServerFactory server, AssignmentStop stop, string code, string apiKey = TestKeys.Admin) =>
        server.CreateVolunteersClient(apiKey).ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = stop.DeliveryId, Delivered = new Delivered { ConfirmationCode = code } }, deadline: Deadlines.Soon).ResponseAsync;

    [Fact]
    public async Task Five_wrong_codes_lock_the_order_even_for_the_right_code_until_a_planner_unlocks_it()
    {
        await DayOne.PushAndPlanAsync(_server);
        var stop = await FirstStopAsync(_server);

        var wrong = new List<RpcException>();
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            wrong.Add(await Assert.ThrowsAsync<RpcException>(() => DeliverAsync(_server, stop, WrongCodeOf(_server, stop.OrderId, attempt))));
        }

        var locked = await Assert.ThrowsAsync<RpcException>(() => DeliverAsync(_server, stop, CodeOf(_server, stop.OrderId)));

        Assert.All(wrong, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Contains("4 more wrong codes", wrong[0].Status.Detail, StringComparison.Ordinal);
        Assert.Contains("now locked", wrong[4].Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, locked.StatusCode);
        Assert.Contains($"confirmation of order {stop.OrderId} is locked after 5 wrong codes", locked.Status.Detail, StringComparison.Ordinal);
        var order = await _server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon);
        Assert.Equal(OrderStatus.Planned, order.Status);
        Assert.Single(order.History, h => h.Reason.StartsWith("confirmation locked: 5 wrong proof codes", StringComparison.Ordinal) && h.Status == OrderStatus.Planned);

        // A volunteer may not lift the lock; a planner may, and the right code then goes through.
        var byVolunteer = await Assert.ThrowsAsync<RpcException>(async () => await _server.CreateVolunteersClient(TestKeys.Volunteer)
            .UnlockConfirmationAsync(new UnlockConfirmationRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon));
        var unlocked = await _server.CreateVolunteersClient(TestKeys.Planner).UnlockConfirmationAsync(new UnlockConfirmationRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon);
        var again = await _server.CreateVolunteersClient(TestKeys.Planner).UnlockConfirmationAsync(new UnlockConfirmationRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon);
        var delivered = await DeliverAsync(_server, stop, CodeOf(_server, stop.OrderId));

        Assert.Equal(StatusCode.PermissionDenied, byVolunteer.StatusCode);
        Assert.Equal((true, 5), (unlocked.WasLocked, unlocked.WrongCodes));
        Assert.Equal((false, 0), (again.WasLocked, again.WrongCodes));
        Assert.Equal(StopState.Delivered, delivered.State);
        order = await _server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon);
        Assert.Single(order.History, h => h.Reason.StartsWith("proof-code lock lifted by planner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_volunteers_wrong_codes_of_the_day_lock_all_their_code_reports()
    {
        using var server = new DispatchServerFactory
        {
            Settings = new Dictionary<string, string> { ["Live:MaxWrongCodesPerOrder"] = "100", ["Live:MaxWrongCodesPerVolunteer"] = "3" },
        };
        await DayOne.PushAndPlanAsync(server);
        var stop = await FirstStopAsync(server);
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            await Assert.ThrowsAsync<RpcException>(() => DeliverAsync(server, stop, WrongCodeOf(server, stop.OrderId, attempt)));
        }

        var locked = await Assert.ThrowsAsync<RpcException>(() => DeliverAsync(server, stop, CodeOf(server, stop.OrderId)));
        var unlocked = await server.CreateVolunteersClient(TestKeys.Admin).UnlockConfirmationAsync(new UnlockConfirmationRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon);
        var delivered = await DeliverAsync(server, stop, CodeOf(server, stop.OrderId));

        Assert.Equal(StatusCode.FailedPrecondition, locked.StatusCode);
        Assert.Contains("code reports of V1 are locked after 3 wrong codes today", locked.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((true, 3), (unlocked.WasLocked, unlocked.WrongCodes));
        Assert.Equal(StopState.Delivered, delivered.State);
        var order = await server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon);
        Assert.Single(order.History, h => h.Reason.StartsWith("code reports of V1 locked: 3 wrong proof codes today", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lock_and_the_wrong_codes_before_it_survive_a_restart()
    {
        string folder = DispatchServerFactory.NewFolder();
        AssignmentStop locked;
        AssignmentStop counted;
        using (var first = DispatchServerFactory.OnFolder(folder))
        {
            first.KeepFolder = true;
            await DayOne.PushAndPlanAsync(first);
            using var stream = new StreamRecorder<Assignment>(first.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon));
            var stops = Stops(await stream.NextAsync());
            locked = stops[0];
            counted = stops.First(s => s.OrderId != locked.OrderId);
            for (int attempt = 1; attempt <= 5; attempt++)
            {
                await Assert.ThrowsAsync<RpcException>(() => DeliverAsync(first, locked, WrongCodeOf(first, locked.OrderId, attempt)));
            }

            await Assert.ThrowsAsync<RpcException>(() => DeliverAsync(first, counted, WrongCodeOf(first, counted.OrderId, 1)));
        }

        using var second = DispatchServerFactory.OnFolder(folder);
        await FirstStopAsync(second);

        var stillLocked = await Assert.ThrowsAsync<RpcException>(() => DeliverAsync(second, locked, CodeOf(second, locked.OrderId)));
        var wrongAgain = await Assert.ThrowsAsync<RpcException>(() => DeliverAsync(second, counted, WrongCodeOf(second, counted.OrderId, 2)));

        Assert.Equal(StatusCode.FailedPrecondition, stillLocked.StatusCode);
        Assert.Contains("is locked after 5 wrong codes", stillLocked.Status.Detail, StringComparison.Ordinal);

        // The second server counted on from the one wrong code before the restart: the fifth locks.
        Assert.Contains("3 more wrong codes", wrongAgain.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_codes_at_the_pickup_zone_lock_the_order_the_same_way()
    {
        var batch = new OrderBatch { SupermarketId = "SM1", BatchId = "B-L1-C", GridId = "L1-C", Day = 1 };
        var input = new OrderInput { OrderId = "O-L1-C-1", HouseholdId = "H-L1-C-1" };
        input.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
        batch.Orders.Add(input);
        await _server.CreateIntakeClient().SubmitBatchAsync(batch, deadline: Deadlines.Soon);
        await DayOne.PushAndPlanAsync(_server);
        var volunteers = _server.CreateVolunteersClient();
        Task<ConfirmPickupResult> ConfirmAsync(string code) =>
            volunteers.ConfirmPickupAsync(new ConfirmPickupRequest { VolunteerId = "V1", OrderId = "SM1/O-L1-C-1", ConfirmationCode = code }, deadline: Deadlines.Soon).ResponseAsync;

        var wrong = new List<RpcException>();
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            wrong.Add(await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(WrongCodeOf(_server, "SM1/O-L1-C-1", attempt))));
        }

        var locked = await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(CodeOf(_server, "SM1/O-L1-C-1")));
        await _server.CreateVolunteersClient(TestKeys.Planner).UnlockConfirmationAsync(new UnlockConfirmationRequest { OrderId = "SM1/O-L1-C-1" }, deadline: Deadlines.Soon);
        var pickedUp = await ConfirmAsync(CodeOf(_server, "SM1/O-L1-C-1"));

        Assert.All(wrong, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal(StatusCode.FailedPrecondition, locked.StatusCode);
        Assert.Contains("is locked after 5 wrong codes", locked.Status.Detail, StringComparison.Ordinal);
        Assert.False(pickedUp.Replayed);
    }

    [Fact]
    public async Task Unlocking_names_an_order_of_the_live_plan_or_a_known_volunteer()
    {
        await DayOne.PushAndPlanAsync(_server);
        var planner = _server.CreateVolunteersClient(TestKeys.Planner);

        var unknownOrder = await Assert.ThrowsAsync<RpcException>(async () => await planner.UnlockConfirmationAsync(new UnlockConfirmationRequest { OrderId = "SM9/NOPE" }, deadline: Deadlines.Soon));
        var unknownVolunteer = await Assert.ThrowsAsync<RpcException>(async () => await planner.UnlockConfirmationAsync(new UnlockConfirmationRequest { VolunteerId = "V-NOPE" }, deadline: Deadlines.Soon));
        var nothing = await Assert.ThrowsAsync<RpcException>(async () => await planner.UnlockConfirmationAsync(new UnlockConfirmationRequest(), deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.NotFound, unknownOrder.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknownVolunteer.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, nothing.StatusCode);
    }
}
