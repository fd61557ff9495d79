namespace Dispatch.Domain.Supply;

/// <summary>The standard packs residents order at fixed prices.</summary>
public enum BundleKind
{
    MeatAndVegetable = 0,
    Vegetable = 1,
    RiceAndFlour = 2,
    Medicine = 3,
}

/// <summary>All bundle kinds, in enum order, for code that iterates stock columns.</summary>
public static class BundleKinds
{
    public static IReadOnlyList<BundleKind> All { get; } = Enum.GetValues<BundleKind>();

    public static bool IsDefined(BundleKind kind) => Enum.IsDefined(kind);
}
