using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Orders;

/// <summary>
/// Splits a batch into accepted orders and per-order rejections, or refuses it whole
/// when the batch itself (supermarket, grid, id, size) is wrong.
/// </summary>
public sealed class OrderBatchValidator(IReferenceData reference, IntakeLimits limits)
{
    private static readonly char[] s_reservedInOrderIds = ['#', '@'];

    public BatchValidation Validate(OrderBatch batch)
    {
        var batchViolations = ValidateBatchFields(batch);
        if (batchViolations.Count > 0)
        {
            return new BatchValidation(batchViolations, [], []);
        }

        var accepted = new List<ValidOrder>(batch.Orders.Count);
        var rejected = new List<OrderRejection>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < batch.Orders.Count; i++)
        {
            var item = batch.Orders[i];
            var problem = ValidateOrder(batch, item, i, seenIds);
            if (problem is not null)
            {
                rejected.Add(problem);
            }
            else
            {
                accepted.Add(new ValidOrder(i, item.OrderId, item.HouseholdId, Sum(item.Lines)));
            }
        }

        return new BatchValidation([], accepted, rejected);
    }

    private List<FieldViolation> ValidateBatchFields(OrderBatch batch)
    {
        var violations = new List<FieldViolation>();
        CheckId(violations, "supermarket_id", batch.SupermarketId);
        CheckId(violations, "batch_id", batch.BatchId);
        CheckId(violations, "grid_id", batch.GridId);
        if (violations.Count > 0)
        {
            return violations;
        }

        if (reference.FindSupermarket(batch.SupermarketId) is null)
        {
            violations.Add(new FieldViolation("supermarket_id", $"unknown supermarket '{IdText.Quote(batch.SupermarketId)}'"));
        }

        var grid = reference.FindGrid(batch.GridId);
        if (grid is null)
        {
            violations.Add(new FieldViolation("grid_id", $"unknown grid '{IdText.Quote(batch.GridId)}'"));
        }
        else if (grid.Level != 2)
        {
            violations.Add(new FieldViolation("grid_id", $"grid '{batch.GridId}' is a first-level grid; orders belong to second-level grids"));
        }
        else if (!string.Equals(grid.AssignedSupermarketId, batch.SupermarketId, StringComparison.Ordinal))
        {
            // The grid's supermarket packs its orders from its stock: another one may not push for it.
            violations.Add(new FieldViolation("grid_id", $"grid '{batch.GridId}' is not served by supermarket '{IdText.Quote(batch.SupermarketId)}'"));
        }

        if (batch.Day < 1 || batch.Day > limits.MaxDay)
        {
            violations.Add(new FieldViolation("day", $"day must be between 1 and {limits.MaxDay}, was {batch.Day}"));
        }

        if (batch.Orders.Count == 0)
        {
            violations.Add(new FieldViolation("orders", "a batch must hold at least one order"));
        }
        else if (batch.Orders.Count > limits.MaxOrdersPerBatch)
        {
            violations.Add(new FieldViolation("orders", $"a batch holds at most {limits.MaxOrdersPerBatch} orders, this one has {batch.Orders.Count}"));
        }

        return violations;
    }

    private void CheckId(List<FieldViolation> violations, string field, string value)
    {
        if (IdText.Problem(value, limits.MaxIdLength) is { } problem)
        {
            violations.Add(new FieldViolation(field, problem));
        }
    }

    private OrderRejection? ValidateOrder(OrderBatch batch, OrderLineItem item, int index, HashSet<string> seenIds)
    {
        string prefix = $"orders[{index}]";

        // A rejection carries the id back, so an id that breaks the rules comes back cut short, never whole.
        OrderRejection Reject(string field, string reason) => new(index, IdText.Quote(item.OrderId, limits.MaxIdLength), $"{prefix}.{field}", reason);

        if (IdText.Problem(item.OrderId, limits.MaxIdLength) is { } idProblem)
        {
            return Reject("order_id", idProblem);
        }

        if (item.OrderId.IndexOfAny(s_reservedInOrderIds) is int reserved and >= 0)
        {
            return Reject("order_id", $"must not hold '{item.OrderId[reserved]}' (routes use '#' for parcels and '@' for second tries)");
        }

        if (!seenIds.Add(item.OrderId))
        {
            return Reject("order_id", $"order id '{item.OrderId}' appears more than once in the batch");
        }

        if (IdText.Problem(item.HouseholdId, limits.MaxIdLength) is { } householdProblem)
        {
            return Reject("household_id", householdProblem);
        }

        var household = reference.FindHousehold(item.HouseholdId);
        if (household is null)
        {
            return Reject("household_id", $"unknown household '{item.HouseholdId}'");
        }

        if (!string.Equals(household.GridId, batch.GridId, StringComparison.Ordinal))
        {
            return Reject("household_id", $"household '{item.HouseholdId}' is in grid '{household.GridId}', not the batch's grid '{batch.GridId}'");
        }

        if (item.Lines.Count == 0)
        {
            return Reject("lines", "an order must ask for at least one bundle");
        }

        var kindsSeen = new HashSet<BundleKind>();
        for (int l = 0; l < item.Lines.Count; l++)
        {
            var line = item.Lines[l];
            if (!BundleKinds.IsDefined(line.Kind))
            {
                return Reject($"lines[{l}].kind", $"unknown bundle kind {(int)line.Kind}");
            }

            if (!kindsSeen.Add(line.Kind))
            {
                return Reject($"lines[{l}].kind", $"bundle kind {line.Kind} is listed more than once");
            }

            if (line.Quantity <= 0)
            {
                return Reject($"lines[{l}].quantity", $"quantity must be positive, was {line.Quantity}");
            }

            if (line.Quantity > limits.MaxQuantityPerBundle)
            {
                return Reject($"lines[{l}].quantity", $"quantity must be at most {limits.MaxQuantityPerBundle}, was {line.Quantity}");
            }
        }

        return null;
    }

    private static BundleCounts Sum(IReadOnlyList<BundleQuantity> lines)
    {
        var counts = BundleCounts.Zero;
        foreach (var line in lines)
        {
            counts = counts.With(line.Kind, counts[line.Kind] + line.Quantity);
        }

        return counts;
    }
}

/// <summary>The outcome of validating a batch: refused whole (<see cref="BatchViolations"/>), or split into accepted and rejected orders.</summary>
public sealed record BatchValidation(
    IReadOnlyList<FieldViolation> BatchViolations,
    IReadOnlyList<ValidOrder> Accepted,
    IReadOnlyList<OrderRejection> Rejected)
{
    public bool IsRefusedWhole => BatchViolations.Count > 0;
}

/// <summary>An order that passed validation, with its position in the batch.</summary>
public sealed record ValidOrder(int Index, string OrderId, string HouseholdId, BundleCounts Bundles);
