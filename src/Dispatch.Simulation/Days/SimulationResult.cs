using System.Globalization;
using Dispatch.Planning.District;

namespace Dispatch.Simulation.Days;

/// <summary>Every simulated day and the totals over them.</summary>
public sealed record SimulationResult(IReadOnlyList<SimulatedDay> Days, SimulationSummary Summary);

/// <summary>Totals over the days: household-days ordering, served, on time, and how often each resource bound.</summary>
/// <param name="BottleneckDays">Days each resource was the measured bottleneck.</param>
/// <param name="MainBottleneck">The resource that bound most days (ties: enum order); null when none did.</param>
public sealed record SimulationSummary(
    int Days,
    long HouseholdsOrdering,
    long Served,
    long ServedOnTime,
    IReadOnlyDictionary<PlanResource, int> BottleneckDays,
    PlanResource? MainBottleneck)
{
    public double ServedShare => HouseholdsOrdering == 0 ? 1 : (double)Served / HouseholdsOrdering;

    public double OnTimeShare => HouseholdsOrdering == 0 ? 1 : (double)ServedOnTime / HouseholdsOrdering;

    public static SimulationSummary Of(IReadOnlyList<SimulatedDay> days)
    {
        var bottlenecks = days.Where(d => d.Bottleneck is not null).GroupBy(d => d.Bottleneck!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        PlanResource? main = bottlenecks.Count == 0
            ? null
            : bottlenecks.OrderByDescending(b => b.Value).ThenBy(b => b.Key).First().Key;
        return new SimulationSummary(
            days.Count, days.Sum(d => (long)d.HouseholdsOrdering), days.Sum(d => (long)d.Served), days.Sum(d => (long)d.ServedOnTime), bottlenecks, main);
    }

    /// <summary>"14 days: 96.2% of households served, 91.0% on time; bottleneck most days: Volunteers (9 of 14)".</summary>
    public string Verdict()
    {
        string bottleneck = MainBottleneck is { } main
            ? $"bottleneck most days: {main} ({BottleneckDays[main]} of {Days})"
            : "no bottleneck (everyone served on time)";
        return string.Create(CultureInfo.InvariantCulture, $"{Days} days: {ServedShare * 100:F1}% of households served, {OnTimeShare * 100:F1}% on time; {bottleneck}");
    }
}
