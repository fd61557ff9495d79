using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Planning.District;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Days;

/// <summary>
/// Plans a district day after day with <see cref="DistrictPlanner"/>: seeded demand, stock replenishment, trucks and
/// volunteers on duty, risk levels changing on scheduled days, failed door deliveries; households not served come back
/// the next day with their older order first. Records in, records out: the same scenario, overrides and options give
/// the same days.
/// </summary>
public sealed class DistrictSimulation
{
    private readonly DistrictPlanner _planner = new();

    public SimulationResult Run(
        Scenario scenario,
        IReadOnlyList<ScenarioOverride> overrides,
        SimulationOptions options,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options = options.With(overrides);
        options.Check();
        var problems = WhatIfScenario.Problems(scenario, overrides);
        if (problems.Count > 0)
        {
            throw new ArgumentException(problems[0]);
        }

        var resourced = WhatIfScenario.ApplyResources(scenario, overrides);
        var crew = new Crew(resourced.Vehicles, resourced.Volunteers, options);
        var stock = new StockLedger(resourced.Supermarkets, options);
        var backlog = new OrderBacklog();
        var days = new List<SimulatedDay>(options.Days);
        for (int day = 1; day <= options.Days && !cancellationToken.IsCancellationRequested; day++)
        {
            var supermarkets = stock.Open(day);
            var dayScenario = WhatIfScenario.AsOfDay(resourced, overrides, day) with
            {
                Supermarkets = supermarkets,
                Vehicles = crew.TrucksOn(day),
                Volunteers = crew.VolunteersOn(day),
            };
            var orders = backlog.For(day, dayScenario, options);
            int planDay = day;
            var stageProgress = progress is null
                ? null
                : new SynchronousProgress<PlanProgress>(p => progress.Report(new SimulationProgress(planDay, options.Days, p.Stage, p.Done, p.Total)));
            var settings = options.Planning with { ProbeBottleneck = options.ProbesOn(day) };
            var plan = _planner.Plan(new PlanningInput(dayScenario, day, orders.Orders, settings), stageProgress, cancellationToken);

            var failed = FailedDoorDeliveries(plan, options, day);
            var served = plan.Orders.Where(o => o.IsServed && !failed.Contains(o.OrderId)).ToList();
            var bundlesByOrder = orders.Orders.ToDictionary(o => o.Id, o => o.Bundles, StringComparer.Ordinal);
            stock.Close(supermarkets, plan, bundlesByOrder);
            backlog.Close(day, orders.Orders, served.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal));

            days.Add(Record(day, dayScenario, overrides, orders, plan, served, failed.Count, options.Planning.ServeByDeadlineSeconds));
            progress?.Report(new SimulationProgress(day, options.Days, "day done", 1, 1));
        }

        return new SimulationResult(days, SimulationSummary.Of(days));
    }

    private static HashSet<string> FailedDoorDeliveries(Plan plan, SimulationOptions options, int day)
    {
        var random = DayRandom.For(options.Seed, day, DayRandom.Failures);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in plan.Orders)
        {
            // Plan outcomes are sorted by order id, so the draws fall on the same orders run after run.
            if (outcome.Fate == OrderFate.DoorDelivery && random.NextDouble() < options.DeliveryFailureShare)
            {
                failed.Add(outcome.OrderId);
            }
        }

        return failed;
    }

    private static SimulatedDay Record(
        int day, Scenario dayScenario, IReadOnlyList<ScenarioOverride> overrides, DayOrders orders, Plan plan, List<OrderOutcome> served, int failures, int deadlineSeconds)
    {
        var servedIds = served.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
        var servedAt = served.ToDictionary(o => o.OrderId, o => o.ServedAtSeconds, StringComparer.Ordinal);
        var lateness = orders.Orders.ToDictionary(
            o => o.Id,
            o => HouseholdLateness.Seconds(day, orders.FirstDays[o.Id], servedAt.TryGetValue(o.Id, out int? at) ? at : null, deadlineSeconds),
            StringComparer.Ordinal);
        var late = lateness.Values.Where(l => l > 0).Order().ToList();
        int onTime = served.Count(o => lateness[o.OrderId] == 0);
        var doorHouseholds = dayScenario.Households.Where(h => h.NeedsDoorDelivery).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var unfilled = plan.Kpis.UnfilledByBundle.Aggregate(BundleCounts.Zero, (sum, u) => sum.With(u.Key, sum[u.Key] + u.Value));
        var events = overrides.OfType<RiskOverride>().Where(r => r.FromDay == day && r.FromDay > 1)
            .Select(r => $"{r.CommunityId} -> {r.Level}").ToList();
        int householdsOrdering = orders.Orders.Select(o => o.HouseholdId).Distinct(StringComparer.Ordinal).Count();
        var (gates, communities) = GateBreakdown.Of(day, dayScenario, plan, servedIds, orders.FirstDays, deadlineSeconds);
        return new SimulatedDay(
            day,
            householdsOrdering,
            orders.NewOrders,
            orders.WaitingOrders,
            served.Count,
            onTime,
            failures,
            orders.Orders.Count - served.Count,
            late.Count,
            late.Count == 0 ? 0 : late.Average(),
            late.Count == 0 ? 0 : late[Math.Min(late.Count - 1, (int)Math.Ceiling(0.95 * late.Count) - 1)],
            late.Count == 0 ? 0 : late[^1],
            unfilled,
            dayScenario.Supermarkets.Aggregate(BundleCounts.Zero, (sum, s) => sum + s.DailyStock),
            dayScenario.Vehicles.Count,
            dayScenario.Volunteers.Count,
            orders.Orders.Count(o => doorHouseholds.Contains(o.HouseholdId)),
            orders.OldestWaitDays,
            plan.Kpis.Utilisation,
            plan.Bottleneck is { Probes.Count: > 0 } measured ? measured.Resource : BottleneckAttribution.Of(plan, deadlineSeconds),
            plan.Bottleneck is { Probes.Count: > 0 },
            events,
            gates,
            communities);
    }

    /// <summary>Reports on the caller's thread: <see cref="Progress{T}"/> would post to the thread pool out of order.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
