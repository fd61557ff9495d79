using Dispatch.Domain.Scenarios;
using Dispatch.Server.Planning;
using Dispatch.Storage;

namespace Dispatch.Server.Live;

/// <summary>
/// After a restart, makes the latest stored plan of the district's latest planned day live again, so volunteers and
/// drivers who reconnect get their routes. Runs in the background: a district plan takes a moment to read.
/// The day's stored reports (stops, drop-outs, arrivals) are replayed into it; orders stored after the plan and not
/// in it are topped up again (by live dispatch, as for any plan made live).
/// </summary>
public sealed class LiveDayRestorer(ScenarioIndex scenario, PlanStore store, PlanBook plans, OrderStore orders, ILiveDispatch live, LiveReportStore reports) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string districtId = scenario.Scenario.District.Id;
        if (await store.LatestDayAsync(districtId, stoppingToken) is not int day || live.HasLiveDay)
        {
            return;
        }

        if (await plans.FindAsync(districtId, day, 0, stoppingToken) is { } plan)
        {
            var dayOrders = await orders.OrdersOfDayAsync(day, stoppingToken);
            var planned = plan.Plan.Orders.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
            var dayReports = await reports.OfDayAsync(districtId, day, stoppingToken);
            await live.RestoreAsync(plan, dayOrders.Where(o => planned.Contains(o.Id)).ToList(), dayReports, stoppingToken);
        }
    }
}
