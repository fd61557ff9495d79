using Dispatch.Domain.Scenarios;

namespace Dispatch.Domain.Orders;

/// <summary>
/// What the server's intake would accept of a file's batches for one plan day, so a plan made from a file keeps the
/// same rules as one made from pushed orders: each batch validated by <see cref="OrderBatchValidator"/>, an order id a
/// supermarket already used (in an earlier batch of the file) rejected, and a household's orders past
/// <see cref="IntakeLimits.MaxOrdersPerHouseholdPerDay"/> rejected. Order ids are <see cref="OrderRef"/>s, as the
/// server plans them.
/// </summary>
public sealed class DayOrderIntake(ScenarioIndex scenario, IntakeLimits limits)
{
    /// <summary>The day's accepted orders in file order, and one problem per refused batch or rejected order.</summary>
    public DayOrderIntakeResult Accept(IReadOnlyList<OrderBatch> batches, int day)
    {
        var validator = new OrderBatchValidator(scenario, limits);
        var orders = new List<Order>();
        var problems = new List<DayOrderProblem>();
        var taken = new Dictionary<OrderRef, string>();
        var perHousehold = new Dictionary<string, int>(StringComparer.Ordinal);
        int batchesForDay = 0;
        foreach (var batch in batches)
        {
            if (batch.Day != day)
            {
                continue;
            }

            batchesForDay++;
            var validation = validator.Validate(batch);
            foreach (var violation in validation.BatchViolations)
            {
                problems.Add(new DayOrderProblem(IdText.Quote(batch.BatchId), null, violation.Field, $"batch refused: {violation.Description}"));
            }

            foreach (var rejection in validation.Rejected)
            {
                problems.Add(new DayOrderProblem(IdText.Quote(batch.BatchId), rejection.OrderId, rejection.Field, rejection.Reason));
            }

            foreach (var valid in validation.Accepted)
            {
                var orderRef = new OrderRef(batch.SupermarketId, valid.OrderId);
                if (taken.TryGetValue(orderRef, out string? firstBatch))
                {
                    problems.Add(new DayOrderProblem(IdText.Quote(batch.BatchId), valid.OrderId, $"orders[{valid.Index}].order_id",
                        $"order id '{valid.OrderId}' of supermarket '{batch.SupermarketId}' was already used in batch '{firstBatch}'"));
                    continue;
                }

                int count = perHousehold.GetValueOrDefault(valid.HouseholdId);
                if (count >= limits.MaxOrdersPerHouseholdPerDay)
                {
                    problems.Add(new DayOrderProblem(IdText.Quote(batch.BatchId), valid.OrderId, $"orders[{valid.Index}].household_id",
                        $"household '{valid.HouseholdId}' already has {count} orders for day {day} (at most {limits.MaxOrdersPerHouseholdPerDay})"));
                    continue;
                }

                taken[orderRef] = IdText.Quote(batch.BatchId);
                perHousehold[valid.HouseholdId] = count + 1;
                orders.Add(new Order(orderRef.ToString(), valid.HouseholdId, batch.GridId, batch.SupermarketId, batch.BatchId, day, valid.Bundles, OrderStatus.Received, 0)
                {
                    SupermarketOrderId = valid.OrderId,
                });
            }
        }

        var days = batches.Select(b => b.Day).Distinct().Order().ToList();
        return new DayOrderIntakeResult(orders, problems, batchesForDay, days);
    }
}

/// <summary>The accepted orders of a day, what was refused, and which days the batches were for.</summary>
public sealed record DayOrderIntakeResult(IReadOnlyList<Order> Orders, IReadOnlyList<DayOrderProblem> Problems, int BatchesForDay, IReadOnlyList<int> DaysInFile);

/// <summary>A refused batch (no order id) or a rejected order, with the field at fault and why.</summary>
public sealed record DayOrderProblem(string BatchId, string? OrderId, string Field, string Reason)
{
    public override string ToString() => OrderId is null
        ? $"batch '{BatchId}': {Field}: {Reason}"
        : $"batch '{BatchId}', order '{OrderId}': {Field}: {Reason}";
}
