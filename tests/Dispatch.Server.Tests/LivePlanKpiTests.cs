using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;

namespace Dispatch.Server.Tests;

/// <summary>GetPlan's numbers follow the live day, not the plan as first made.</summary>
public sealed class LivePlanKpiTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_delivery_given_up_is_no_longer_counted_as_served()
    {
        var planned = await DayOne.PushAndPlanAsync(_server);
        using var v1 = new StreamRecorder<Assignment>(_server.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon));
        var stop = (await v1.NextAsync()).Trips.SelectMany(t => t.Stops).First();

        var result = await _server.CreateVolunteersClient().ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = stop.DeliveryId, Failed = new Failed { Reason = FailureReason.Refused } }, deadline: Deadlines.Soon);

        var summary = await _server.CreatePlanningClient().GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1 }, deadline: Deadlines.Soon);
        Assert.Equal(result.PlanVersion, summary.Version);
        Assert.Equal(planned.Kpis.HouseholdsServed - 1, summary.Kpis.HouseholdsServed);
        Assert.Equal(planned.Kpis.Unassigned + 1, summary.Kpis.Unassigned);
        Assert.Equal(planned.Kpis.Orders, summary.Kpis.Orders);
    }
}
