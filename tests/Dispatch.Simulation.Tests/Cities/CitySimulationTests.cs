using System.Text.Json;
using Dispatch.Domain.Geography;
using Dispatch.Planning.District;
using Dispatch.Simulation.Cities;
using Dispatch.Simulation.Days;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Tests.Cities;

/// <summary>
/// A small city simulated end to end: each district is its own simulation with its own seed, in parallel and
/// repeatable, and moving trucks to a truck-bound district is reflected in both districts' inputs.
/// </summary>
public sealed class CitySimulationTests
{
    private static readonly SimulationOptions s_twoDays = new() { Days = 2, Seed = 3, Probes = ProbeSchedule.Never };

    private static readonly Dictionary<DistrictId, IReadOnlyList<ScenarioOverride>> s_none = [];

    [Fact]
    public void Each_district_is_its_own_simulation_with_its_own_seed_whatever_the_parallelism()
    {
        // District 2 has far too few volunteers for its door households; districts 1 and 3 have enough.
        var city = TinyCities.InMemory(TinyCities.Generated(1, seed: 11), TinyCities.Generated(2, seed: 12, volunteers: 4), TinyCities.Generated(3, seed: 13));

        var parallel = CitySimulation.Run(city, s_none, [], s_twoDays, parallelDistricts: 3);
        var oneByOne = CitySimulation.Run(city, s_none, [], s_twoDays, parallelDistricts: 1);

        Assert.Equal(JsonSerializer.Serialize(parallel.Before.Select(r => r.Result.Days)), JsonSerializer.Serialize(oneByOne.Before.Select(r => r.Result.Days)));
        Assert.Equal(["tiny-d01", "tiny-d02", "tiny-d03"], parallel.Before.Select(r => r.District.Value));
        Assert.Null(parallel.After);

        var second = parallel.Before[1];
        var alone = new DistrictSimulation().Run(city.Districts[1].Scenario, [], s_twoDays with { Seed = CitySeeds.ForDistrict(3, second.District) });
        Assert.Equal(JsonSerializer.Serialize(alone.Days), JsonSerializer.Serialize(second.Result.Days));

        Assert.Equal(PlanResource.Volunteers, second.Bottleneck);
        Assert.True(second.Shortfall > 0);
        Assert.True(second.OnTimeShare < parallel.Before[0].OnTimeShare && second.OnTimeShare < parallel.Before[2].OnTimeShare, string.Join("; ", parallel.Before.Select(r => r.Result.Summary.Verdict())));
        Assert.All(parallel.Before, r => Assert.Equal(2, r.Result.Days.Count));

        var totals = parallel.BeforeTotals;
        Assert.Equal(parallel.Before.Sum(r => r.Result.Summary.HouseholdsOrdering), totals.HouseholdsOrdering);
        Assert.Equal(parallel.Before.Sum(r => r.Shortfall), totals.Shortfall);
        Assert.Equal(PlanResource.Volunteers, totals.Bottleneck);
        Assert.True(totals.BottleneckShortfall >= second.Shortfall);
    }

    [Fact]
    public void Trucks_moved_from_a_district_with_slack_to_a_truck_bound_one_do_not_serve_fewer_there()
    {
        var slack = TinyCities.Generated(1, seed: 21, trucks: 10);
        var truckBound = TinyCities.Generated(2, seed: 24, trucks: 1, households: 800);
        var city = TinyCities.InMemory(slack, truckBound);
        DistrictMove[] moves = [DistrictMoveParser.ParseTrucks("tiny-d01:tiny-d02:4", "--move-trucks #1")];

        var result = CitySimulation.Run(city, s_none, moves, s_twoDays, parallelDistricts: 2);

        var before = result.Before[1];
        var after = result.After![1];
        Assert.Equal(PlanResource.Trucks, before.Bottleneck);
        Assert.Equal(1, before.Resources.Trucks);
        Assert.Equal(5, after.Resources.Trucks);
        Assert.Equal(10, result.Before[0].Resources.Trucks);
        Assert.Equal(6, result.After[0].Resources.Trucks);
        Assert.Equal(result.Before[0].Resources.TruckCapacityGrams + before.Resources.TruckCapacityGrams, result.After[0].Resources.TruckCapacityGrams + after.Resources.TruckCapacityGrams);
        Assert.True(after.Result.Days.All(d => d.TrucksOnDuty > 1));
        Assert.True(after.Result.Summary.ServedOnTime >= before.Result.Summary.ServedOnTime, $"{before.Result.Summary.Verdict()} -> {after.Result.Summary.Verdict()}");
        Assert.True(after.Result.Summary.Served > before.Result.Summary.Served, $"{before.Result.Summary.Verdict()} -> {after.Result.Summary.Verdict()}");
    }

    [Fact]
    public void A_district_no_move_touches_is_planned_once_and_reported_the_same_after()
    {
        var city = TinyCities.InMemory(TinyCities.Generated(1, seed: 31), TinyCities.Generated(2, seed: 32), TinyCities.Generated(3, seed: 33));
        var oneDay = s_twoDays with { Days = 1 };

        var result = CitySimulation.Run(city, s_none, [DistrictMoveParser.ParseStock("tiny-d01:tiny-d02:50%", "--move-stock #1")], oneDay, parallelDistricts: 2);

        Assert.Same(result.Before[2], result.After![2]);
        Assert.NotSame(result.Before[0], result.After[0]);
        Assert.Equal(result.Before[0].Resources.DailyStock + result.Before[1].Resources.DailyStock, result.After[0].Resources.DailyStock + result.After[1].Resources.DailyStock);
        Assert.True(result.After[0].Resources.DailyStock.Vegetable < result.Before[0].Resources.DailyStock.Vegetable);
    }

    [Fact]
    public void Override_naming_a_gate_a_district_lacks_is_refused_with_the_district()
    {
        var city = TinyCities.InMemory(TinyCities.Generated(1, seed: 31));
        var overrides = new Dictionary<DistrictId, IReadOnlyList<ScenarioOverride>> { [new DistrictId("tiny-d01")] = [OverrideParser.Parse("gate.C99-G1.capacity=2x", "--set #1")] };

        var e = Assert.Throws<ArgumentException>(() => CitySimulation.Run(city, overrides, [], s_twoDays, parallelDistricts: 1));

        Assert.StartsWith("district tiny-d01: 'gate.C99-G1.capacity': no gate 'C99-G1'", e.Message);
    }
}
