using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.District;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Dispatch.Server.Telemetry;
using Dispatch.Storage;

namespace Dispatch.Server.Planning;

/// <summary>
/// Plans a district day from the stored orders, stores the plan as the next version, and records each order's
/// new status in its history. One plan at a time per server (the district is the unit of planning).
/// </summary>
public sealed class DistrictDayPlanning(ScenarioIndex scenario, OrderStore orders, PlanBook plans, PlanningSettings settings, ILiveDispatch live, OrderHistory history, TimeProvider clock)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<VersionedPlan> PlanAsync(string districtId, int day, bool probeBottleneck, IProgress<PlanProgress>? progress, CancellationToken cancellationToken)
    {
        if (!string.Equals(districtId, scenario.Scenario.District.Id, StringComparison.Ordinal))
        {
            throw new ResourceNotFoundException("district", districtId);
        }

        if (day < 1 || day > IntakeLimits.Default.MaxDay)
        {
            throw new InvalidRequestException("day", $"must be between 1 and {IntakeLimits.Default.MaxDay}, was {day}");
        }

        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var dayOrders = await orders.OrdersOfDayAsync(day, cancellationToken);
            if (dayOrders.Count == 0)
            {
                throw new PreconditionFailedException($"no orders are stored for day {day}: push them first");
            }

            var input = new PlanningInput(scenario.Scenario, day, dayOrders, settings with { ProbeBottleneck = probeBottleneck });
            using var activity = DispatchTelemetry.Source.StartActivity("dispatch.plan.district_day");
            activity?.SetTag("dispatch.day", day);
            activity?.SetTag("dispatch.orders", dayOrders.Count);
            var startedAt = clock.GetUtcNow();
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            var plan = await Task.Run(() => new DistrictPlanner().Plan(input, progress, cancellationToken), cancellationToken);
            DispatchTelemetry.PlanMade(plan, startedAt, System.Diagnostics.Stopwatch.GetElapsedTime(started));

            // A plan cut short by the deadline is not a plan to act on: store nothing. Past this point it is stored,
            // so its statuses and its going live are not cancelled either.
            cancellationToken.ThrowIfCancellationRequested();
            long now = clock.GetUtcNow().ToUnixTimeSeconds();
            var saved = await plans.SaveAsync(plan, now, CancellationToken.None);
            await history.PlannedAsync(saved.Plan.Orders, saved.Version, now, dayOrders.ToDictionary(o => o.Id, StringComparer.Ordinal), CancellationToken.None);

            // The newest plan is the one volunteers act on: their routes go out now (orders stored while it was
            // being made join it as top-ups).
            await live.PlanStoredAsync(saved, dayOrders, CancellationToken.None);
            return saved;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
