using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>Gate re-plans store whole plans: only the latest few are kept, and every district plan.</summary>
public sealed class PlanRetentionTests : IDisposable
{
    private readonly DispatchServerFactory _server = new() { KeepLiveVersions = 2 };

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Only_the_latest_re_plans_and_the_district_plan_stay_readable()
    {
        var planned = await DayOne.PushAndPlanAsync(_server);
        var volunteers = _server.CreateVolunteersClient();
        int version = planned.Version;
        foreach (string volunteerId in new[] { "V1", "V2", "V3", "V1" })
        {
            version = (await volunteers.SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = volunteerId, Available = volunteerId == "V1" && version > planned.Version + 2 }, deadline: Deadlines.Soon)).PlanVersion;
        }

        var planning = _server.CreatePlanningClient();
        async Task<StatusCode> ReadAsync(int v)
        {
            try
            {
                await planning.GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1, Version = v }, deadline: Deadlines.Soon);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }

        Assert.Equal(planned.Version + 4, version);
        Assert.Equal(StatusCode.OK, await ReadAsync(planned.Version));
        Assert.Equal(StatusCode.NotFound, await ReadAsync(planned.Version + 1));
        Assert.Equal(StatusCode.NotFound, await ReadAsync(planned.Version + 2));
        Assert.Equal(StatusCode.OK, await ReadAsync(planned.Version + 3));
        Assert.Equal(StatusCode.OK, await ReadAsync(planned.Version + 4));
        Assert.Equal(version, (await planning.GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1 }, deadline: Deadlines.Soon)).Version);
    }
}
