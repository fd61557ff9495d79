using Dispatch.Domain.Scenarios;
using Dispatch.Planning.Trucks;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Mapping;

/// <summary>A truck's part of a plan as its driver sees it: trips, stops, loads and the gates' receiving windows; no residents' data.</summary>
public static class TruckAssignmentMapping
{
    public static V1.TruckAssignment ToTruckAssignment(string districtId, int day, Dispatch.Domain.Supply.Vehicle truck, TruckRoute? route, ScenarioIndex scenario)
    {
        var assignment = new V1.TruckAssignment { TruckId = truck.Id, SupermarketId = truck.SupermarketId, DistrictId = districtId, Day = day };
        assignment.Trips.AddRange((route?.Trips ?? []).Select(PlanMapping.ToProto));

        foreach (string gateId in (route?.Trips ?? []).SelectMany(t => t.Stops).Select(s => s.GateId).Distinct(StringComparer.Ordinal))
        {
            if (scenario.FindGate(gateId) is { } gate)
            {
                assignment.GateWindows.Add(new V1.GateWindow { GateId = gate.Id, OpensAtSeconds = gate.ReceivingOpensAtSeconds, ClosesAtSeconds = gate.ReceivingClosesAtSeconds });
            }
        }

        return assignment;
    }
}
