using Dispatch.Contracts.V1;

namespace Dispatch.Web.Tests.Infrastructure;

/// <summary>Volunteers of the seeded plan picked for a test; each test takes its own so reports never cross.</summary>
public static class RoutePicks
{
    /// <summary>
    /// Volunteers whose first trip has at least <paramref name="doors"/> doors of whole orders, in a stable order; the
    /// <paramref name="skip"/>-th of them (tests sharing the seeded day each take a different index).
    /// </summary>
    public static async Task<Assignment> VolunteerWithDoorsAsync(SeededDay day, int doors, int skip)
    {
        var candidates = new List<string>();
        foreach (var gate in day.Plan.Gates.Where(g => g.VolunteersRouted > 0).OrderBy(g => g.GateId, StringComparer.Ordinal))
        {
            var plan = await day.PlanningClient().GetGatePlanAsync(new GetGatePlanRequest { DistrictId = day.Scenario.District.Id, Day = SeededDay.Day, GateId = gate.GateId }, deadline: Deadlines.Soon);
            candidates.AddRange(plan.DoorRoutes
                .Where(r => r.Trips.Count > 0 && r.Trips[0].Doors.Count >= doors && r.Trips[0].Doors.All(d => !d.DeliveryId.Contains('#')))
                .Select(r => r.VolunteerId));
            if (candidates.Count > skip)
            {
                return await day.RouteOfAsync(candidates[skip]);
            }
        }

        throw new InvalidOperationException($"fewer than {skip + 1} volunteers with {doors} doors on their first trip");
    }
}
