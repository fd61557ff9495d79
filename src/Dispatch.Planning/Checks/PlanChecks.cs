using Dispatch.Domain.Geography;
using Dispatch.Planning.District;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Checks;

/// <summary>
/// The rules every district plan obeys, checked from the plan and its input alone (knows nothing of the
/// solvers): truck capacity, zone capacity per cycle, the rules of every moment of a gate's day (storage, pickup crowd,
/// 30-minute rest, free-pickup windows, served by the deadline: <see cref="GateTimelineChecks"/>), high-risk
/// households never slotted, vulnerable households at the door, volunteers within their load and shift,
/// nothing routed twice, and every order accounted for.
/// </summary>
public static class PlanChecks
{
    public static IReadOnlyList<string> Violations(PlanningInput input, Plan plan)
    {
        var problems = new List<string>();
        var scenario = input.Scenario;
        var trucks = scenario.Vehicles.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var gates = scenario.Gates.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var households = scenario.Households.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var volunteers = scenario.Volunteers.ToDictionary(v => v.Id, StringComparer.Ordinal);

        // Truck capacity and when each consignment is on the ground at its gate.
        var onGround = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var route in plan.TruckRoutes)
        {
            if (!trucks.TryGetValue(route.TruckId, out var truck))
            {
                problems.Add($"truck {route.TruckId} is not in the scenario");
                continue;
            }

            foreach (var trip in route.Trips)
            {
                if (trip.LoadGrams > truck.CapacityGrams)
                {
                    problems.Add($"truck {truck.Id} trip {trip.Number} carries {trip.LoadGrams} g over its {truck.CapacityGrams} g");
                }

                if (trip.DepartSeconds < truck.Shift.StartSeconds || trip.ReturnSeconds > truck.Shift.EndSeconds)
                {
                    problems.Add($"truck {truck.Id} trip {trip.Number} runs outside its shift");
                }

                foreach (var stop in trip.Stops)
                {
                    onGround[ConsignmentRef.Of(stop).ToString()] = stop.UnloadStartSeconds + input.Settings.TruckUnloadSeconds;
                }
            }
        }

        // Zone capacity per cycle, cycles one after another, goods in a cycle only after they arrive.
        var cycleEnds = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var gatePlan in plan.GateCycles)
        {
            var gate = gates[gatePlan.GateId];
            cycleEnds[gate.Id] = gatePlan.Cycles.Select(c => c.EndAtSeconds).ToHashSet();
            int previousEnd = int.MinValue;
            foreach (var cycle in gatePlan.Cycles.OrderBy(c => c.StartAtSeconds))
            {
                if (cycle.LoadGrams > gate.Disinfection.CapacityGramsPerCycle)
                {
                    problems.Add($"gate {gate.Id} cycle at {cycle.StartAtSeconds} s holds {cycle.LoadGrams} g over {gate.Disinfection.CapacityGramsPerCycle} g");
                }

                if (cycle.EndAtSeconds - cycle.StartAtSeconds < gate.Disinfection.CycleSeconds)
                {
                    problems.Add($"gate {gate.Id} cycle at {cycle.StartAtSeconds} s releases before disinfection and the {gate.Disinfection.RestSeconds} s rest are over");
                }

                if (cycle.StartAtSeconds < previousEnd)
                {
                    problems.Add($"gate {gate.Id} cycle at {cycle.StartAtSeconds} s starts before the previous one ends");
                }

                previousEnd = cycle.EndAtSeconds;
                foreach (var load in cycle.Loads)
                {
                    if (onGround.TryGetValue(load.ConsignmentId, out int arrived) && cycle.StartAtSeconds < arrived)
                    {
                        problems.Add($"gate {gate.Id} cycle at {cycle.StartAtSeconds} s takes {load.ConsignmentId} before it arrives at {arrived} s");
                    }
                }
            }
        }

        // Every order once, with a fate that fits its household.
        var expected = input.Orders.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var outcomes = new Dictionary<string, OrderOutcome>(StringComparer.Ordinal);
        foreach (var outcome in plan.Orders)
        {
            if (!outcomes.TryAdd(outcome.OrderId, outcome))
            {
                problems.Add($"order {outcome.OrderId} appears more than once in the plan");
            }
        }

        foreach (var missing in expected.Where(id => !outcomes.ContainsKey(id)))
        {
            problems.Add($"order {missing} is not accounted for");
        }

        foreach (var outcome in outcomes.Values)
        {
            if (!expected.Contains(outcome.OrderId))
            {
                problems.Add($"order {outcome.OrderId} is in the plan but was never ordered");
            }

            if (!outcome.IsServed)
            {
                if (string.IsNullOrWhiteSpace(outcome.Reason))
                {
                    problems.Add($"order {outcome.OrderId} is {outcome.Fate} without a reason");
                }

                continue;
            }

            if (!households.TryGetValue(outcome.HouseholdId, out var household))
            {
                problems.Add($"order {outcome.OrderId} is served to unknown household {outcome.HouseholdId}");
                continue;
            }

            if (outcome.ReadyAtSeconds is not int ready || !cycleEnds.TryGetValue(outcome.GateId, out var ends) || !ends.Contains(ready))
            {
                problems.Add($"order {outcome.OrderId} is served but its goods are not released by a cycle at gate {outcome.GateId}");
            }
            else if (outcome.ServedAtSeconds is not int served || served < ready)
            {
                problems.Add($"order {outcome.OrderId} is served at {outcome.ServedAtSeconds} s before its goods are released at {ready} s");
            }

            if (outcome.Fate == OrderFate.PickupSlot && (household.RiskLevel == RiskLevel.High || household.IsVulnerable))
            {
                problems.Add($"order {outcome.OrderId}: household {household.Id} ({household.RiskLevel}, vulnerable {household.IsVulnerable}) was given a pickup slot");
            }

            if (household.NeedsDoorDelivery && outcome.Fate != OrderFate.DoorDelivery)
            {
                problems.Add($"order {outcome.OrderId}: household {household.Id} needs door delivery but gets {outcome.Fate}");
            }
        }

        // Volunteers: carry limit per trip, household load, shift, leaving only with released goods, each delivery once.
        var deliveries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in plan.DoorRoutes.SelectMany(d => d.Routes))
        {
            if (!volunteers.TryGetValue(route.VolunteerId, out var volunteer))
            {
                problems.Add($"volunteer {route.VolunteerId} is not in the scenario");
                continue;
            }

            var served = route.Trips.SelectMany(t => t.Doors).Select(d => d.HouseholdId).Distinct().Count();
            if (served > volunteer.MaxHouseholds)
            {
                problems.Add($"volunteer {volunteer.Id} serves {served} households over their {volunteer.MaxHouseholds}");
            }

            foreach (var trip in route.Trips)
            {
                if (trip.CarriedGrams > volunteer.CarryLimitGrams)
                {
                    problems.Add($"volunteer {volunteer.Id} trip {trip.Number} carries {trip.CarriedGrams} g over {volunteer.CarryLimitGrams} g");
                }

                if (trip.LeaveGateSeconds < volunteer.Shift.StartSeconds || trip.BackAtGateSeconds > volunteer.Shift.EndSeconds)
                {
                    problems.Add($"volunteer {volunteer.Id} trip {trip.Number} runs outside their shift");
                }

                foreach (var door in trip.Doors)
                {
                    if (!deliveries.Add(door.DeliveryId))
                    {
                        problems.Add($"delivery {door.DeliveryId} is routed twice");
                    }

                    string orderId = door.DeliveryId.Split('#')[0];
                    if (outcomes.TryGetValue(orderId, out var outcome) && outcome.ReadyAtSeconds is int ready && trip.LeaveGateSeconds < ready)
                    {
                        problems.Add($"volunteer {volunteer.Id} leaves with {door.DeliveryId} at {trip.LeaveGateSeconds} s before it is released at {ready} s");
                    }
                }
            }
        }

        // Crowd cap per slot, and slots only after the goods are ready.
        foreach (var slots in plan.PickupSlots)
        {
            int cap = gates[slots.GateId].Pickup.CrowdCap;
            foreach (var group in slots.Assignments.GroupBy(a => a.SlotIndex))
            {
                if (group.Count() > cap)
                {
                    problems.Add($"gate {slots.GateId} slot {group.Key} holds {group.Count()} households over the crowd cap of {cap}");
                }
            }

            foreach (var assignment in slots.Assignments.Where(a => a.WaitSeconds < 0))
            {
                problems.Add($"household {assignment.HouseholdId} is slotted before its goods are ready");
            }

            // The outcomes say the same as the slots: each slotted order at its household's slot, after its goods.
            var slotOf = slots.Assignments.ToDictionary(a => a.HouseholdId, StringComparer.Ordinal);
            foreach (var outcome in outcomes.Values.Where(o => o.Fate == OrderFate.PickupSlot && o.GateId == slots.GateId))
            {
                if (!slotOf.TryGetValue(outcome.HouseholdId, out var slot))
                {
                    problems.Add($"order {outcome.OrderId} has a pickup slot but household {outcome.HouseholdId} has none at gate {slots.GateId}");
                }
                else if (outcome.ServedAtSeconds != slot.StartAtSeconds || slot.StartAtSeconds < outcome.ReadyAtSeconds)
                {
                    problems.Add($"order {outcome.OrderId} is served at {outcome.ServedAtSeconds} s, ready at {outcome.ReadyAtSeconds} s, but its household's slot starts at {slot.StartAtSeconds} s");
                }
            }
        }

        GateTimelineChecks.Check(input, plan, problems);
        return problems;
    }
}
