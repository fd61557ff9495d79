using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>
/// A district small enough to reason about: 2 supermarkets, 1 community, 1 gate, 2 grids of 5 high-risk households
/// (L1-A, L1-B), 3 volunteers at the gate. Grid L1-C (SM1) holds 2 medium-risk and 1 low-risk household for pickup
/// tests only: <see cref="DayOne"/> never orders for it.
/// </summary>
public static class TinyDistrict
{
    public static Scenario Create()
    {
        var centre = new GeoPoint(35.39, 116.63);
        var gate = new Gate("G1", "C1", "north gate", centre, new DisinfectionZone(2_000_000, 900), new StorageZone(10_000_000), new PickupZone(), 0, 86_400);
        var grids = new List<Grid>
        {
            new("L1", "C1", 1, null, null, null),
            new("L1-A", "C1", 2, "L1", "G1", "SM1"),
            new("L1-B", "C1", 2, "L1", "G1", "SM2"),
            new("L1-C", "C1", 2, "L1", "G1", "SM1"),
        };
        var households = new List<Household>();
        foreach (var grid in new[] { "L1-A", "L1-B" })
        {
            for (int i = 1; i <= 5; i++)
            {
                households.Add(new Household($"H-{grid}-{i}", grid, "B1", "U1", i, false, new GeoPoint(35.39 + (i * 0.0001), 116.63), RiskLevel.High, Vulnerability.None));
            }
        }

        households.Add(new Household("H-L1-C-1", "L1-C", "B2", "U1", 1, false, new GeoPoint(35.3905, 116.6305), RiskLevel.Medium, Vulnerability.None));
        households.Add(new Household("H-L1-C-2", "L1-C", "B2", "U1", 2, false, new GeoPoint(35.3905, 116.6305), RiskLevel.Medium, Vulnerability.None));
        households.Add(new Household("H-L1-C-3", "L1-C", "B2", "U2", 1, false, new GeoPoint(35.3906, 116.6305), RiskLevel.Low, Vulnerability.None));

        return new Scenario(
            new District("D1", "tiny", centre),
            [new Community("C1", "D1", "tiny community", RiskLevel.High)],
            [gate],
            grids,
            households,
            [
                new Supermarket("SM1", "first", new GeoPoint(35.40, 116.62), new BundleCounts(100, 100, 100, 100), 0, 86_400),
                new Supermarket("SM2", "second", new GeoPoint(35.38, 116.64), new BundleCounts(100, 100, 100, 100), 0, 86_400),
            ],
            [new Vehicle("T1", "SM1", 2_000_000, new Shift(0, 43_200))],
            [
                new Volunteer("V1", "G1", "volunteer one", 12, 20_000, new Shift(0, 43_200)),
                new Volunteer("V2", "G1", "volunteer two", 12, 20_000, new Shift(0, 43_200)),
                new Volunteer("V3", "G1", "volunteer three", 12, 20_000, new Shift(0, 43_200)),
            ],
            BundleCatalog.Standard.Types.ToList());
    }

    /// <summary>
    /// The tiny district with a second gate G2 600 m east (grid L1-D of SM1: 4 high-risk households, volunteer V4),
    /// so T1 carries to two gates.
    /// </summary>
    public static Scenario WithSecondGate()
    {
        var tiny = Create();
        var location = new GeoPoint(35.39, 116.6366);
        var gate = tiny.Gates[0] with { Id = "G2", Name = "east gate", Location = location };
        var households = Enumerable.Range(1, 4)
            .Select(i => new Household($"H-L1-D-{i}", "L1-D", "B3", "U1", i, false, new GeoPoint(location.Latitude + (i * 0.0001), location.Longitude), RiskLevel.High, Vulnerability.None));
        return tiny with
        {
            Gates = [.. tiny.Gates, gate],
            Grids = [.. tiny.Grids, new Grid("L1-D", "C1", 2, "L1", "G2", "SM1")],
            Households = [.. tiny.Households, .. households],
            Volunteers = [.. tiny.Volunteers, new Volunteer("V4", "G2", "volunteer four", 12, 20_000, new Shift(0, 43_200))],
        };
    }
}
