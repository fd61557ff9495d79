using Dispatch.Domain.Geography;
using Dispatch.Domain.Supply;

namespace Dispatch.Simulation.WhatIf;

/// <summary>One what-if change to a scenario or to the simulation, as parsed from <c>key=value</c>.</summary>
/// <param name="Key">The key as written, for messages and reports.</param>
public abstract record ScenarioOverride(string Key);

/// <summary><c>trucks=50</c>: the fleet, spread over supermarkets in proportion to their fleets.</summary>
public sealed record TruckCountOverride(string Key, Amount Amount) : ScenarioOverride(Key);

/// <summary><c>volunteers=-20%</c>: the volunteers, spread over gates in proportion to their teams.</summary>
public sealed record VolunteerCountOverride(string Key, Amount Amount) : ScenarioOverride(Key);

/// <summary>
/// <c>stock.meat=60t</c>, <c>stock.vegetable=+10%</c>: the district's daily stock of one bundle kind, spread over
/// supermarkets in proportion to their stock. <c>stock.meat</c> counts meat (1.5 kg a meat-and-vegetable bundle);
/// the bundle names count bundles or their packed weight.
/// </summary>
/// <param name="GramsPerBundle">Grams of the key's good in one bundle, to read a weight.</param>
public sealed record StockOverride(string Key, BundleKind Kind, Amount Amount, long GramsPerBundle) : ScenarioOverride(Key);

/// <summary>What of a gate an override changes.</summary>
public enum GateProperty
{
    /// <summary>Disinfection capacity per cycle (grams).</summary>
    Capacity,

    /// <summary>Pickup-zone crowd cap (people).</summary>
    CrowdCap,
}

/// <summary><c>gate.C03-G1.capacity=2x</c>, <c>gate.*.crowd=20</c>: one gate's (or every gate's) zone.</summary>
/// <param name="GateId">A gate id, or <c>*</c> for every gate.</param>
public sealed record GateOverride(string Key, string GateId, GateProperty Property, Amount Amount) : ScenarioOverride(Key);

/// <summary><c>risk.community.C04=high@day5</c>: a community's risk level from a day on (day 1 when no day is given).</summary>
public sealed record RiskOverride(string Key, string CommunityId, RiskLevel Level, int FromDay) : ScenarioOverride(Key);

/// <summary>A simulation rate that a what-if can change.</summary>
public enum SimulationRate
{
    TruckIllness,
    VolunteerIllness,
    VolunteerDropOut,
    DeliveryFailure,
    StockSwing,
}

/// <summary><c>rate.delivery-failure=5%</c>: a daily rate of the simulation (a share 0..1 once parsed).</summary>
public sealed record RateOverride(string Key, SimulationRate Rate, double Share) : ScenarioOverride(Key);
