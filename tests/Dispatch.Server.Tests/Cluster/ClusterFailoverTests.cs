using System.Diagnostics;
using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Dispatch.Tests.Postgres;
using Grpc.Core;
using Xunit.Abstractions;

namespace Dispatch.Server.Tests.Cluster;

/// <summary>
/// Three silo processes on loopback over the run's private PostgreSQL, a live day, and kill -9 of the silo that holds a
/// district: nothing acknowledged is lost, the district answers again from another silo, and its volunteers' streams go on.
/// </summary>
[Collection(PrivatePostgresCollection.Name)]
public sealed class ClusterFailoverTests(PrivatePostgres postgres, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_back = TimeSpan.FromSeconds(90);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-tests", "failover-" + Guid.NewGuid().ToString("N"));
    private readonly List<ServerProcess> _silos = [];

    // Three silo processes share CI's two cores with the other test assemblies: calls get longer than Deadlines.Soon.
    private static DateTime Soon => Deadlines.In(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_killed_silo_loses_nothing_acknowledged_its_district_answers_again_elsewhere_and_streams_go_on()
    {
        string city = Path.Combine(_folder, "city");
        TinyCity.Save(city);
        string clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
        var starting = Enumerable.Range(1, 3)
            .Select(n => ServerProcess.StartSiloAsync(city, postgres.ConnectionString, clusterId, Path.Combine(_folder, $"silo{n}"), s_start))
            .ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // Silos that did start are stopped by Dispose even when another did not.
            _silos.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
        }


        // A live day: orders of both districts through one silo, both planned through another.
        var intake = _silos[0].CreateIntakeClient();
        var batches = new[] { Batches.Valid("N-1", "SM1", "L1-A", 5), Batches.Valid("S-1", "SM3", "L2-A", 4), Batches.Valid("N-2", "SM1", "L1-A", 3, orderPrefix: "N-2b") };
        var acknowledged = new List<BatchResult>();
        foreach (var batch in batches)
        {
            acknowledged.Add(await intake.SubmitBatchAsync(batch, deadline: Soon));
        }

        Assert.All(acknowledged, a => Assert.True(a.AcceptedCount > 0));
        var planning = new Contracts.V1.Planning.PlanningClient(_silos[1].Channel);
        var north = await PlanAsync(planning, TinyCity.North);
        await PlanAsync(planning, TinyCity.South);

        // The silo holding north, and a volunteer of north following their route on another silo.
        var holder = _silos.Single(s => s.Output.Contains($"district {TinyCity.North} active on this silo", StringComparison.Ordinal));
        var survivor = _silos.First(s => s != holder);
        var volunteers = new Volunteers.VolunteersClient(survivor.Channel);
        using var stream = volunteers.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = $"{TinyCity.North}/V1" }, deadline: Deadlines.In(TimeSpan.FromMinutes(5)));
        Assert.True(await stream.ResponseStream.MoveNext());
        var before = stream.ResponseStream.Current;
        Assert.Equal(north.Version, before.PlanVersion);

        var trucks = new Trucks.TrucksClient(survivor.Channel);
        using var truckStream = trucks.StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = $"{TinyCity.North}/T1" }, deadline: Deadlines.In(TimeSpan.FromMinutes(5)));
        Assert.True(await truckStream.ResponseStream.MoveNext());
        var truckRoute = truckStream.ResponseStream.Current;
        Assert.NotEmpty(truckRoute.Trips);

        holder.KillHard();
        var killed = Stopwatch.StartNew();
        var plans = new Contracts.V1.Planning.PlanningClient(survivor.Channel);
        var back = await UntilAnsweredAsync(() => plans.GetPlanAsync(new GetPlanRequest { DistrictId = TinyCity.North, Day = 1 }, deadline: Soon).ResponseAsync);
        output.WriteLine($"district {TinyCity.North} unavailable for {killed.Elapsed.TotalSeconds:F1} s after kill -9 of its silo");
        Assert.Equal(north.Version, back.Version);
        var gatePlan = await plans.GetGatePlanAsync(new GetGatePlanRequest { DistrictId = TinyCity.North, Day = 1, GateId = "G1" }, deadline: Soon);
        Assert.Equal(("G1", north.Version), (gatePlan.GateId, gatePlan.Version));
        var gates = await plans.ListGatesAsync(new ListGatesRequest { DistrictId = TinyCity.South }, deadline: Soon);
        Assert.Equal((TinyCity.South, 1, "G1"), (gates.DistrictId, gates.Day, Assert.Single(gates.Gates).GateId));
        var noDistrict = await Assert.ThrowsAsync<RpcException>(() => plans.ListGatesAsync(new ListGatesRequest(), deadline: Soon).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noDistrict.StatusCode);

        // Nothing acknowledged is lost: every batch is a replay with its first answer, on the district's new silo.
        var again = new List<BatchResult>();
        foreach (var batch in batches)
        {
            again.Add(await survivor.CreateIntakeClient().SubmitBatchAsync(batch, deadline: Soon));
        }

        Assert.Equal(acknowledged.Select(a => (a.BatchId, a.AcceptedCount, true)), again.Select(a => (a.BatchId, a.AcceptedCount, a.Replayed)));

        // Listed across both districts, 5 at a time, every order once, in order id order; one looked up by its id.
        var listed = new List<Order>();
        string token = string.Empty;
        do
        {
            var page = await survivor.CreateIntakeClient().ListOrdersAsync(new ListOrdersRequest { PageSize = 5, PageToken = token }, deadline: Soon);
            Assert.InRange(page.Orders.Count, 1, 5);
            listed.AddRange(page.Orders);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var expected = batches.SelectMany(b => b.Orders.Select(o => $"{b.SupermarketId}/{o.OrderId}")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, listed.Select(o => o.OrderRef));
        var one = await survivor.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = "S-1-2", SupermarketId = "SM3" }, deadline: Soon);
        Assert.Equal(("H-L2-A-2", "L2-A"), (one.HouseholdId, one.GridId));
        var missing = await Assert.ThrowsAsync<RpcException>(() => survivor.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = "nowhere", SupermarketId = "SM1" }, deadline: Soon).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        // The stream opened before the loss goes on: a drop-out re-planned by the district's new activation reaches it.
        var change = await volunteers.SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = $"{TinyCity.North}/V1", Available = false }, deadline: Soon);
        Assert.True(change.PlanVersion > before.Version);
        Assignment latest;
        do
        {
            Assert.True(await stream.ResponseStream.MoveNext());
            latest = stream.ResponseStream.Current;
        }
        while (latest.Version < change.PlanVersion);
        Assert.False(latest.Available);

        // The driver reports to the district's new activation through the same silo.
        var departed = await trucks.ReportDepartureAsync(
            new ReportDepartureRequest { TruckId = $"{TinyCity.North}/T1", TripNumber = 1, DepartedAtSeconds = truckRoute.Trips[0].DepartSeconds }, deadline: Soon);
        Assert.Equal(8, departed.OrdersOnTruck);

        // A client reconnecting with the last version it saw gets the current route.
        using var resumed = volunteers.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = $"{TinyCity.North}/V1", LastSeenVersion = before.Version }, deadline: Soon);
        Assert.True(await resumed.ResponseStream.MoveNext());
        Assert.Equal(latest.Version, resumed.ResponseStream.Current.Version);
    }

    private static async Task<PlanSummary> PlanAsync(Contracts.V1.Planning.PlanningClient planning, string districtId)
    {
        using var call = planning.PlanDistrictDay(new PlanDistrictDayRequest { DistrictId = districtId, Day = 1, ProbeBottleneck = false }, deadline: Deadlines.In(TimeSpan.FromMinutes(3)));
        PlanSummary? plan = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            plan = update.Plan ?? plan;
        }

        return plan ?? throw new InvalidOperationException($"no plan for {districtId}");
    }

    /// <summary>Calls until the answer is not UNAVAILABLE (the district moving to another silo), within <see cref="s_back"/>.</summary>
    private static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + s_back;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                // This test measures how long the district is away: ask again shortly, as a client would.
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    public void Dispose()
    {
        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
