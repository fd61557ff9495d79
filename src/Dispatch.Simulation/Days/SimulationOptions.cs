using Dispatch.Planning.District;
using Dispatch.Simulation.Orders;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Days;

/// <summary>How a many-day simulation draws its days. Rates are shares 0..1 per day; the seed is the only random source.</summary>
public sealed record SimulationOptions
{
    public int Days { get; init; } = 14;

    /// <summary>Seed of demand, availability, stock swings and delivery failures.</summary>
    public int Seed { get; init; } = 1;

    public DayOrderOptions Orders { get; init; } = DayOrderOptions.Default;

    /// <summary>Share of trucks off the road on a day (driver ill, breakdown), drawn afresh each day.</summary>
    public double TruckIllnessShare { get; init; } = 0.05;

    /// <summary>Share of volunteers ill on a day, drawn afresh each day.</summary>
    public double VolunteerIllnessShare { get; init; } = 0.05;

    /// <summary>Share of the remaining volunteers who stop for good each day (exhaustion, called back to work).</summary>
    public double VolunteerDropOutShare { get; init; } = 0.01;

    /// <summary>Share of planned door deliveries that fail (nobody answers, wrong door); the order comes back the next day.</summary>
    public double DeliveryFailureShare { get; init; } = 0.02;

    /// <summary>A supermarket's delivery from the wholesale market varies by up to this share of its daily stock, per kind, per day.</summary>
    public double StockSwingShare { get; init; } = 0.10;

    /// <summary>
    /// Rice-and-flour and medicine left on the shelf carry over to the next day, up to one more day's stock; fresh
    /// bundles (meat-and-vegetable, vegetable) never do: they are packed fresh from the day's delivery.
    /// </summary>
    public bool CarryOverShelfStable { get; init; } = true;

    /// <summary>How each day is planned; <see cref="PlanningSettings.Deterministic"/> so the same seed gives the same days.</summary>
    public PlanningSettings Planning { get; init; } = PlanningSettings.Deterministic;

    /// <summary>When the bottleneck is measured (the probes re-plan the day six more times); other days it is attributed.</summary>
    public ProbeSchedule Probes { get; init; } = ProbeSchedule.WhenShort;

    /// <summary>With <see cref="ProbeSchedule.WhenShort"/>: probe on day 1 and every this many days after (1: every day).</summary>
    public int ProbeEveryDays { get; init; } = 1;

    /// <summary>Whether day <paramref name="day"/> is one the probes may run on.</summary>
    public bool ProbesOn(int day) => Probes == ProbeSchedule.WhenShort && (day - 1) % Math.Max(1, ProbeEveryDays) == 0;

    /// <summary>These options with what-if rate overrides applied.</summary>
    public SimulationOptions With(IEnumerable<ScenarioOverride> overrides)
    {
        var result = this;
        foreach (var rate in overrides.OfType<RateOverride>())
        {
            result = rate.Rate switch
            {
                SimulationRate.TruckIllness => result with { TruckIllnessShare = rate.Share },
                SimulationRate.VolunteerIllness => result with { VolunteerIllnessShare = rate.Share },
                SimulationRate.VolunteerDropOut => result with { VolunteerDropOutShare = rate.Share },
                SimulationRate.DeliveryFailure => result with { DeliveryFailureShare = rate.Share },
                _ => result with { StockSwingShare = rate.Share },
            };
        }

        return result;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Check()
    {
        if (Days < 1)
        {
            throw new ArgumentException("days must be at least 1");
        }

        double[] shares = [TruckIllnessShare, VolunteerIllnessShare, VolunteerDropOutShare, DeliveryFailureShare, StockSwingShare];
        if (shares.Any(s => s is < 0 or > 1 || double.IsNaN(s)))
        {
            throw new ArgumentException("simulation rates must be between 0 and 1");
        }

        Orders.Check();
    }
}

/// <summary>When the bottleneck probes run.</summary>
public enum ProbeSchedule
{
    /// <summary>Never: fastest; the day's bottleneck is attributed from the plan (<see cref="BottleneckAttribution"/>).</summary>
    Never,

    /// <summary>On days when some household is not served by the deadline (the planner skips the probes otherwise).</summary>
    WhenShort,
}
