using Dispatch.Domain.Orders;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Dispatch.Storage;

namespace Dispatch.Server.Intake;

/// <summary>
/// Takes one batch: answers a repeated batch id with its first answer, validates the rest,
/// and stores the batch's valid orders in one transaction before answering. Orders for the day being delivered are
/// queued for their gate's top-up.
/// </summary>
public sealed class BatchIntake(OrderBatchValidator validator, IntakeLimits limits, OrderStore store, ILiveDispatch live, TopUpQueue topUps, TimeProvider clock)
{
    private const int MaxAttempts = 3;

    public async Task<BatchIntakeResult> SubmitAsync(OrderBatch batch, CancellationToken cancellationToken)
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
        for (int attempt = 1; ; attempt++)
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
                if (!outcome.WasAlreadyStored && live.LiveDayNumber == batch.Day)
                {
                    // The day is being delivered: these orders need their gate topped up.
                    topUps.Enqueue(orders);
                }

                return new BatchIntakeResult(stored, outcome.WasAlreadyStored);
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"batch '{IdText.Quote(batch.BatchId)}' kept colliding with stored order ids");
            }

            // Ids this supermarket stored from another batch are this batch's mistake: reject them and store the rest.
            bool Taken(ValidOrder o) => outcome.TakenOrderIds.Contains(new OrderRef(batch.SupermarketId, o.OrderId).ToString());
            foreach (var taken in accepted.Where(Taken))
            {
                rejected.Add(new OrderRejection(taken.Index, taken.OrderId, $"orders[{taken.Index}].order_id", $"order id '{taken.OrderId}' is already stored from another batch"));
            }

            accepted.RemoveAll(Taken);
        }
    }
}

/// <summary>A batch's answer and whether it is the replay of an earlier answer.</summary>
public sealed record BatchIntakeResult(BatchReceipt Receipt, bool Replayed);
