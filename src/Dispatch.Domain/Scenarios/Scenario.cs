using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Scenarios;

/// <summary>Everything that exists in one district on a plan day: places, people, stock and fleet.</summary>
public sealed record Scenario(
    District District,
    IReadOnlyList<Community> Communities,
    IReadOnlyList<Gate> Gates,
    IReadOnlyList<Grid> Grids,
    IReadOnlyList<Household> Households,
    IReadOnlyList<Supermarket> Supermarkets,
    IReadOnlyList<Vehicle> Vehicles,
    IReadOnlyList<Volunteer> Volunteers,
    IReadOnlyList<BundleType> Bundles)
{
    public BundleCatalog Catalog => new(Bundles);
}
