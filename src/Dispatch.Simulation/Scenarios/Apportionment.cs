namespace Dispatch.Simulation.Scenarios;

/// <summary>Splits a whole number into parts proportional to weights (largest remainder), so totals are exact.</summary>
public static class Apportionment
{
    /// <summary>
    /// Returns one count per weight, each at least <paramref name="minimumEach"/>, summing to <paramref name="total"/>.
    /// Ties go to the lower index so the result depends only on the inputs.
    /// </summary>
    public static int[] Split(int total, IReadOnlyList<double> weights, int minimumEach = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (weights.Count == 0)
        {
            throw new ArgumentException("at least one weight is needed", nameof(weights));
        }

        int reserved = checked(minimumEach * weights.Count);
        if (reserved > total)
        {
            throw new ArgumentException($"{total} cannot give {weights.Count} parts at least {minimumEach} each", nameof(total));
        }

        double weightSum = weights.Sum();
        if (!(weightSum > 0) || weights.Any(w => w < 0 || !double.IsFinite(w)))
        {
            throw new ArgumentException("weights must be finite, non-negative and not all zero", nameof(weights));
        }

        int rest = total - reserved;
        var counts = new int[weights.Count];
        var remainders = new double[weights.Count];
        int given = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            double exact = rest * weights[i] / weightSum;
            int whole = (int)Math.Floor(exact);
            counts[i] = minimumEach + whole;
            remainders[i] = exact - whole;
            given += whole;
        }

        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .ToArray();
        for (int k = 0; given < rest; k = (k + 1) % order.Length, given++)
        {
            counts[order[k]]++;
        }

        return counts;
    }
}
