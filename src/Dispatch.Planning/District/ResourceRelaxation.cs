using Dispatch.Domain.Scenarios;

namespace Dispatch.Planning.District;

/// <summary>A scenario with one resource multiplied: more stock, more trucks, bigger zones, more volunteers.</summary>
public static class ResourceRelaxation
{
    public static Scenario Relax(Scenario scenario, PlanResource resource, int factor) => resource switch
    {
        PlanResource.Stock => scenario with
        {
            Supermarkets = scenario.Supermarkets.Select(s => s with
            {
                DailyStock = new(s.DailyStock.MeatAndVegetable * factor, s.DailyStock.Vegetable * factor, s.DailyStock.RiceAndFlour * factor, s.DailyStock.Medicine * factor),
            }).ToList(),
        },
        PlanResource.Trucks => scenario with
        {
            Vehicles = Enumerable.Range(0, factor).SelectMany(copy => scenario.Vehicles.Select(v => copy == 0 ? v : v with { Id = $"{v.Id}+{copy}" })).ToList(),
        },
        PlanResource.DisinfectionCapacity => scenario with
        {
            Gates = scenario.Gates.Select(g => g with { Disinfection = g.Disinfection with { CapacityGramsPerCycle = g.Disinfection.CapacityGramsPerCycle * factor } }).ToList(),
        },
        PlanResource.Volunteers => scenario with
        {
            Volunteers = Enumerable.Range(0, factor).SelectMany(copy => scenario.Volunteers.Select(v => copy == 0 ? v : v with { Id = $"{v.Id}+{copy}" })).ToList(),
        },
        PlanResource.PickupCrowdCap => scenario with
        {
            Gates = scenario.Gates.Select(g => g with { Pickup = g.Pickup with { CrowdCap = g.Pickup.CrowdCap * factor } }).ToList(),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "unknown resource"),
    };
}
