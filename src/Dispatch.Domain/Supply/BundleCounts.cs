namespace Dispatch.Domain.Supply;

/// <summary>A count per bundle kind: an order's contents, a supermarket's stock, a truck's load.</summary>
public readonly record struct BundleCounts(int MeatAndVegetable, int Vegetable, int RiceAndFlour, int Medicine)
{
    public static BundleCounts Zero => default;

    public int this[BundleKind kind] => kind switch
    {
        BundleKind.MeatAndVegetable => MeatAndVegetable,
        BundleKind.Vegetable => Vegetable,
        BundleKind.RiceAndFlour => RiceAndFlour,
        BundleKind.Medicine => Medicine,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown bundle kind"),
    };

    public int Total => MeatAndVegetable + Vegetable + RiceAndFlour + Medicine;

    // Derived: not part of the value in stored or reported JSON.
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Total == 0;

    public BundleCounts With(BundleKind kind, int count) => kind switch
    {
        BundleKind.MeatAndVegetable => this with { MeatAndVegetable = count },
        BundleKind.Vegetable => this with { Vegetable = count },
        BundleKind.RiceAndFlour => this with { RiceAndFlour = count },
        BundleKind.Medicine => this with { Medicine = count },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown bundle kind"),
    };

    public static BundleCounts operator +(BundleCounts a, BundleCounts b) =>
        new(a.MeatAndVegetable + b.MeatAndVegetable, a.Vegetable + b.Vegetable, a.RiceAndFlour + b.RiceAndFlour, a.Medicine + b.Medicine);

    public static BundleCounts operator -(BundleCounts a, BundleCounts b) =>
        new(a.MeatAndVegetable - b.MeatAndVegetable, a.Vegetable - b.Vegetable, a.RiceAndFlour - b.RiceAndFlour, a.Medicine - b.Medicine);

    /// <summary>True when every kind of this is at most that kind of <paramref name="other"/>.</summary>
    public bool FitsWithin(BundleCounts other) =>
        MeatAndVegetable <= other.MeatAndVegetable && Vegetable <= other.Vegetable
        && RiceAndFlour <= other.RiceAndFlour && Medicine <= other.Medicine;

    public long WeightGrams(BundleCatalog catalog) =>
        (long)MeatAndVegetable * catalog.WeightGrams(BundleKind.MeatAndVegetable)
        + (long)Vegetable * catalog.WeightGrams(BundleKind.Vegetable)
        + (long)RiceAndFlour * catalog.WeightGrams(BundleKind.RiceAndFlour)
        + (long)Medicine * catalog.WeightGrams(BundleKind.Medicine);
}
