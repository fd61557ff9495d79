using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;

namespace Dispatch.Planning.Tests;

/// <summary>Small fixtures around Jining: 0.001 degree of latitude is about 111 m.</summary>
internal static class Places
{
    public static readonly GeoPoint Origin = new(35.40, 116.58);

    public static GeoPoint North(double metres) => Origin with { Latitude = Origin.Latitude + (metres / 111_195.0) };

    public static GeoPoint East(double metres) =>
        Origin with { Longitude = Origin.Longitude + (metres / (111_195.0 * Math.Cos(Origin.Latitude * Math.PI / 180))) };

    public static Gate Gate(string id, GeoPoint location, int opens = 0, int closes = 86_400) => new(
        id,
        "community-" + id,
        "gate " + id,
        location,
        new DisinfectionZone(500_000, 600),
        new StorageZone(2_000_000),
        new PickupZone(),
        opens,
        closes);

    public static Supermarket Supermarket(string id, GeoPoint location) =>
        new(id, "supermarket " + id, location, BundleCounts.Zero, 0, 86_400);

    public static Household Household(string id, GeoPoint location, int floor = 1, bool elevator = true, Vulnerability vulnerability = Vulnerability.None) =>
        new(id, "grid-1", "b1", "u1", floor, elevator, location, RiskLevel.High, vulnerability);

    public static Volunteer Volunteer(string id, string gateId, long carryGrams = 20_000, int maxHouseholds = 15, int shiftEnd = 86_400) =>
        new(id, gateId, "volunteer " + id, maxHouseholds, carryGrams, new Shift(0, shiftEnd));
}
