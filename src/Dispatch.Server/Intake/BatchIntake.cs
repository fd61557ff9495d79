using Dispatch.Domain.Orders;
using Dispatch.Server.Errors;
using Dispatch.Server.Events;
using Dispatch.Server.Telemetry;
using Dispatch.Storage;
using System.Diagnostics;

namespace Dispatch.Server.Intake;

/// <summary>
/// Takes one batch: answers a repeated batch id with its first answer, validates the rest,
/// and stores the batch's valid orders in one transaction before answering, then publishes them as
/// <see cref="OrdersStored"/> (live dispatch tops up the day being delivered with them; intake does not wait for it).
/// </summary>
public sealed class BatchIntake(OrderBatchValidator validator, IntakeLimits limits, OrderStore store, EventFeed<OrdersStored> storedOrders, TimeProvider clock)
{
    public async Task<BatchIntakeResult> SubmitAsync(OrderBatch batch, CancellationToken cancellationToken)
    {
        using var activity = DispatchTelemetry.Source.StartActivity("dispatch.intake.batch");
        activity?.SetTag("dispatch.orders", batch.Orders.Count);
        long started = Stopwatch.GetTimestamp();
        string outcome = BatchOutcomes.Refused;
        try
        {
            var result = await StoreAsync(batch, cancellationToken);
            outcome = result.Replayed ? BatchOutcomes.Replayed : BatchOutcomes.Stored;
            DispatchTelemetry.BatchAnswered(outcome, result.Receipt.AcceptedCount, result.Receipt.Rejected.Count, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (InvalidRequestException)
        {
            DispatchTelemetry.BatchAnswered(outcome, 0, 0, Stopwatch.GetElapsedTime(started));
            throw;
        }
        finally
        {
            activity?.SetTag("dispatch.outcome", outcome);
        }
    }

    private async Task<BatchIntakeResult> StoreAsync(OrderBatch batch, CancellationToken cancellationToken)
    {
        // Only ids that keep the rules can have been stored: nothing else is looked up.
        if (IdText.Problem(batch.SupermarketId, limits.MaxIdLength) is null && IdText.Problem(batch.BatchId, limits.MaxIdLength) is null
            && await store.FindBatchAsync(batch.SupermarketId, batch.BatchId, cancellationToken) is { } earlier)
        {
            return new BatchIntakeResult(earlier, Replayed: true);
        }

        var validation = validator.Validate(batch);
        if (validation.IsRefusedWhole)
        {
            throw new InvalidRequestException(
                $"batch '{IdText.Quote(batch.BatchId)}' refused: {string.Join("; ", validation.BatchViolations.Select(v => $"{v.Field}: {v.Description}"))}",
                validation.BatchViolations);
        }

        long now = clock.GetUtcNow().ToUnixTimeSeconds();
        var accepted = validation.Accepted.ToList();
        var rejected = validation.Rejected.ToList();
        while (true)
        {
            var receipt = new BatchReceipt(
                batch.SupermarketId, batch.BatchId, batch.GridId, batch.Day, batch.Orders.Count,
                accepted.Count, rejected.OrderBy(r => r.Index).ToList(), now);
            var orders = accepted.Select(o => new Order(
                new OrderRef(batch.SupermarketId, o.OrderId).ToString(), o.HouseholdId, batch.GridId, batch.SupermarketId, batch.BatchId, batch.Day, o.Bundles, OrderStatus.Received, now)
            {
                SupermarketOrderId = o.OrderId,
            }).ToList();

            var outcome = await store.StoreBatchAsync(receipt, orders, cancellationToken);
            if (outcome.Receipt is { } stored)
            {
                if (!outcome.WasAlreadyStored)
                {
                    storedOrders.Publish(new OrdersStored(batch.Day, orders));
                }

                return new BatchIntakeResult(stored, outcome.WasAlreadyStored);
            }

            // Ids this supermarket stored from another batch, and orders past their household's orders for the day, are
            // this batch's mistakes: reject them and store the rest. Each round rejects at least one order, so it ends.
            var refused = accepted.Select(o => Refusal(batch, o, outcome)).OfType<OrderRejection>().ToList();
            if (refused.Count == 0)
            {
                throw new InvalidOperationException($"batch '{IdText.Quote(batch.BatchId)}' was neither stored nor told which orders to reject");
            }

            rejected.AddRange(refused);
            var refusedIndices = refused.Select(r => r.Index).ToHashSet();
            accepted.RemoveAll(o => refusedIndices.Contains(o.Index));
        }
    }

    private OrderRejection? Refusal(OrderBatch batch, ValidOrder order, BatchWriteOutcome outcome)
    {
        string orderRef = new OrderRef(batch.SupermarketId, order.OrderId).ToString();
        string prefix = $"orders[{order.Index}]";
        if (outcome.TakenOrderIds.Contains(orderRef))
        {
            return new OrderRejection(order.Index, order.OrderId, $"{prefix}.order_id", $"order id '{order.OrderId}' is already stored from another batch");
        }

        return outcome.OverLimitOrderIds.Contains(orderRef)
            ? new OrderRejection(
                order.Index, order.OrderId, $"{prefix}.household_id",
                $"household '{order.HouseholdId}' already has {limits.MaxOrdersPerHouseholdPerDay} orders for day {batch.Day} (Intake:MaxOrdersPerHouseholdPerDay)")
            : null;
    }
}

/// <summary>A batch's answer and whether it is the replay of an earlier answer.</summary>
public sealed record BatchIntakeResult(BatchReceipt Receipt, bool Replayed);
