using Dispatch.Domain.Geography;

namespace Dispatch.Domain.Supply;

/// <summary>A guaranteed-supply supermarket (保供商超): takes orders, packs bundles, trucks them to gates.</summary>
/// <param name="DailyStock">Bundles it can pack per day, per kind.</param>
/// <param name="OpensAtSeconds">Seconds from the plan day's start when trucks may leave.</param>
/// <param name="ClosesAtSeconds">Seconds from the plan day's start after which no truck leaves (may exceed one day).</param>
public sealed record Supermarket(
    string Id,
    string Name,
    GeoPoint Location,
    BundleCounts DailyStock,
    int OpensAtSeconds,
    int ClosesAtSeconds);
