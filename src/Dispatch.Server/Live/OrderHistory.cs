using Dispatch.Domain.Orders;
using Dispatch.Planning.District;
using Dispatch.Planning.Live;
using Dispatch.Storage;

namespace Dispatch.Server.Live;

/// <summary>
/// The one writer of order histories, and so the one place an order's status is decided from what happened: what a
/// plan version makes of orders, how far their goods have come, what a volunteer said at the door, and audit notes.
/// Entries are taken as <see cref="OrderLifecycle"/> allows, stored (with the live report causing them, in one
/// transaction), then told to watchers. It also keeps the live day's <see cref="LiveDay.Reached"/>: how far each
/// order's goods have come, read from the stored histories before first use.
/// </summary>
public sealed class OrderHistory(OrderStore store, LiveReportStore liveReports, OrderEventHub events, PlanClock planClock, ILogger<OrderHistory> logger)
{
    // The "not yet taken" check and the store must not interleave between reports.
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>What plan <paramref name="version"/> makes of these orders; their current status becomes it.</summary>
    /// <param name="how">Goes after the version in each entry (" (top-up of gate G1)").</param>
    /// <param name="notesOnly">The entries note a change (a moved slot) and move no current status.</param>
    public async Task PlannedAsync(
        IEnumerable<OrderOutcome> outcomes, int version, long nowUnixSeconds, IReadOnlyDictionary<string, Order> orders, CancellationToken cancellationToken, string how = "", bool notesOnly = false)
    {
        var changes = outcomes.Select(o => new OrderStatusChange(
            o.OrderId,
            o.Fate switch
            {
                OrderFate.PickupSlot => OrderStatus.Slotted,
                OrderFate.Unfilled => OrderStatus.Unfilled,
                OrderFate.Unassigned => OrderStatus.Received,
                _ => OrderStatus.Planned,
            },
            nowUnixSeconds,
            o.IsServed ? $"plan v{version}{how}: {o.Fate} at gate {o.GateId}" : $"plan v{version}{how}: not served: {o.Reason}")).ToList();
        await (notesOnly ? store.AppendHistoryAsync(changes, cancellationToken) : store.AppendStatusChangesAsync(changes, cancellationToken));
        events.Publish(orders, changes);
    }

    /// <summary>A door was reported: the order is delivered, or failed there; stored with <paramref name="report"/>'s live report.</summary>
    /// <param name="stored">Applies the report to the live day once it is stored, before anyone hears of it.</param>
    internal async Task DoorReportedAsync(LiveDay day, StopReport report, LiveReport live, Action stored, CancellationToken cancellationToken)
    {
        var change = new OrderStatusChange(
            DeliveryIds.OrderIdOf(report.DeliveryId),
            report.Delivered ? OrderStatus.Delivered : OrderStatus.Failed,
            live.AtUnixSeconds,
            report.Delivered
                ? $"{report.DeliveryId} delivered by {report.VolunteerId}"
                : $"{report.DeliveryId} not delivered by {report.VolunteerId}: {report.Reason}{(report.Retry ? "; tried again later" : string.Empty)}");
        await liveReports.AppendAsync(live, [change], cancellationToken);
        stored();
        events.Publish(day.Orders, [change]);
    }

    /// <summary>
    /// The goods of these orders came as far as <paramref name="status"/>: stores and tells it for the orders not yet
    /// at or past it; returns those.
    /// </summary>
    /// <param name="report">The live report causing it, stored with the entries in one transaction (even when there are none).</param>
    /// <param name="stored">Applies the report to the live day once it is stored, before anyone hears of the entries (a gate board reads both).</param>
    internal async Task<IReadOnlyList<string>> AdvanceAsync(
        LiveDay day, IEnumerable<string> orderIds, OrderStatus status, string cause, CancellationToken cancellationToken, LiveReport? report = null, Action? stored = null)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await LoadReachedAsync(day, cancellationToken);
            long now = planClock.UnixSeconds;
            var changes = orderIds.Distinct(StringComparer.Ordinal)
                .Where(id => day.Orders.ContainsKey(id) && OrderLifecycle.Takes(day.Reached.GetValueOrDefault(id), status))
                .Select(id => new OrderStatusChange(id, status, now, cause))
                .ToList();
            if (report is not null)
            {
                await liveReports.AppendAsync(report, changes, cancellationToken);
            }
            else if (changes.Count > 0)
            {
                await store.AppendStatusChangesAsync(changes, cancellationToken);
            }

            stored?.Invoke();
            foreach (var change in changes)
            {
                day.Reached[change.OrderId] = status;
            }

            if (changes.Count > 0)
            {
                events.Publish(day.Orders, changes);
                OrderProgressLog.Advanced(logger, changes.Count, status.ToString(), cause);
            }

            return changes.Select(c => c.OrderId).ToList();
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Stores <paramref name="report"/> with a note in the history of each order named, at the order's current status
    /// (it moves no status, and watchers are not told).
    /// </summary>
    internal async Task NoteAsync(LiveReport report, IEnumerable<(string OrderRef, string Note)> notes, CancellationToken cancellationToken)
    {
        var entries = new List<OrderStatusChange>();
        foreach (var (orderRef, note) in notes)
        {
            if (await store.GetOrderAsync(orderRef, cancellationToken) is { } order)
            {
                entries.Add(new OrderStatusChange(orderRef, order.Status, report.AtUnixSeconds, note));
            }
        }

        await liveReports.AppendAsync(report, entries, cancellationToken, historyOnly: true);
    }

    /// <summary>Makes sure <see cref="LiveDay.Reached"/> holds what the store says (for its readers).</summary>
    internal async Task LoadAsync(LiveDay day, CancellationToken cancellationToken)
    {
        if (day.ReachedLoaded)
        {
            return;
        }

        await _writer.WaitAsync(cancellationToken);
        try
        {
            await LoadReachedAsync(day, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Under the writer. After a restart the history says how far each order came: nothing is taken twice.</summary>
    private async Task LoadReachedAsync(LiveDay day, CancellationToken cancellationToken)
    {
        if (day.ReachedLoaded)
        {
            return;
        }

        var stored = await store.StatusesOfDayAsync(day.Day, cancellationToken);
        foreach (var (orderId, statuses) in stored)
        {
            var furthest = OrderLifecycle.Furthest(statuses);
            if (OrderLifecycle.StageOf(furthest) > OrderLifecycle.StageOf(day.Reached.GetValueOrDefault(orderId)))
            {
                day.Reached[orderId] = furthest;
            }
        }

        day.ReachedLoaded = true;
        OrderProgressLog.Loaded(logger, day.Day, stored.Count);
    }
}
