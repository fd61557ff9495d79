namespace Dispatch.Domain.Supply;

/// <summary>A bundle kind's packed weight and name.</summary>
public sealed record BundleType(BundleKind Kind, string Name, int WeightGrams);
