namespace Dispatch.Domain.Supply;

/// <summary>The bundle types on offer, one per kind.</summary>
public sealed class BundleCatalog
{
    private readonly BundleType[] _byKind;

    public BundleCatalog(IEnumerable<BundleType> types)
    {
        _byKind = new BundleType[BundleKinds.All.Count];
        foreach (var type in types)
        {
            if (!BundleKinds.IsDefined(type.Kind))
            {
                throw new ArgumentException($"unknown bundle kind {type.Kind}", nameof(types));
            }

            if (type.WeightGrams <= 0)
            {
                throw new ArgumentException($"bundle {type.Kind} must weigh more than 0 g", nameof(types));
            }

            _byKind[(int)type.Kind] = type;
        }

        var missing = BundleKinds.All.Where(k => _byKind[(int)k] is null).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"bundle catalog lacks {string.Join(", ", missing)}", nameof(types));
        }
    }

    /// <summary>The reports' standard bundles with typical packed weights.</summary>
    public static BundleCatalog Standard { get; } = new(
    [
        new BundleType(BundleKind.MeatAndVegetable, "meat-and-vegetable bundle", 5_000),
        new BundleType(BundleKind.Vegetable, "vegetable bundle", 4_000),
        new BundleType(BundleKind.RiceAndFlour, "rice-and-flour bundle", 10_000),
        new BundleType(BundleKind.Medicine, "medicine pack", 500),
    ]);

    public IReadOnlyList<BundleType> Types => _byKind;

    public BundleType this[BundleKind kind] => _byKind[(int)kind];

    public int WeightGrams(BundleKind kind) => _byKind[(int)kind].WeightGrams;
}
