namespace Dispatch.Simulation.Orders;

/// <summary>
/// How households order in <see cref="DayOrderGenerator"/>. With the defaults about 59% of households order on a
/// given day: 30% order daily, 50% every 2 days, 20% every 3 days, and 5% of due orders are skipped.
/// </summary>
public sealed record DayOrderOptions
{
    public double DailyOrderersShare { get; init; } = 0.30;

    public double EveryTwoDaysShare { get; init; } = 0.50;

    /// <summary>The rest of households reorder every 3 days.</summary>
    public double EveryThreeDaysShare => Math.Max(0, 1 - DailyOrderersShare - EveryTwoDaysShare);

    /// <summary>Chance a household due to order does not (stocked up, away, forgot).</summary>
    public double SkipShare { get; init; } = 0.05;

    public double VegetableShare { get; init; } = 0.75;

    public double MeatAndVegetableShare { get; init; } = 0.60;

    public double RiceAndFlourShare { get; init; } = 0.12;

    /// <summary>Chance a chronic-illness household orders medicine with its order.</summary>
    public double MedicineShareChronic { get; init; } = 0.50;

    /// <summary>Chance any other household orders medicine.</summary>
    public double MedicineShareOthers { get; init; } = 0.04;

    public static DayOrderOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> when a share is outside 0..1 or the rhythm shares exceed 1.</summary>
    public void Check()
    {
        double[] shares =
        [
            DailyOrderersShare, EveryTwoDaysShare, SkipShare, VegetableShare, MeatAndVegetableShare,
            RiceAndFlourShare, MedicineShareChronic, MedicineShareOthers,
        ];
        if (shares.Any(s => s is < 0 or > 1 || double.IsNaN(s)))
        {
            throw new ArgumentException("order shares must be between 0 and 1");
        }

        if (DailyOrderersShare + EveryTwoDaysShare > 1)
        {
            throw new ArgumentException("daily and every-two-days shares must not exceed 1 together");
        }
    }
}
