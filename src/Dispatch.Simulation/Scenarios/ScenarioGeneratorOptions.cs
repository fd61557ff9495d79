using Dispatch.Domain.Geography;

namespace Dispatch.Simulation.Scenarios;

/// <summary>
/// What <see cref="ScenarioGenerator"/> builds. The defaults are the Jining high-tech district (高新区)
/// of DOMAIN.md: 5 supermarkets, 70 trucks, 25 first-level and 108 second-level grids, about 36,000 households.
/// </summary>
public sealed record ScenarioGeneratorOptions
{
    /// <summary>
    /// The shipped hard day (seeds/jining-hard, seed 2): 1.5x the households, half the trucks, fewer volunteers than
    /// door households need, gates at half size, half the communities at high risk. Stock stays the district's.
    /// </summary>
    public static ScenarioGeneratorOptions HardDay { get; } = new()
    {
        Seed = 2,
        DistrictId = "jining-hard",
        DistrictName = "Jining High-tech District, hard day (generated)",
        Households = 54_000,
        Trucks = 35,
        Volunteers = 900,
        HighRiskCommunities = 6,
        ZonePercent = 50,
    };

    /// <summary>Seed of the only random source; the same seed gives the same scenario.</summary>
    public int Seed { get; init; } = 1;

    public string DistrictId { get; init; } = "jining-high-tech";

    public string DistrictName { get; init; } = "Jining High-tech District (高新区)";

    /// <summary>
    /// Put before every grid and supermarket id (<c>d01-G01-1</c>, <c>d01-SM1</c>): in a city those ids are unique across
    /// districts (intake finds a batch's district by its grid; a supermarket id names one supermarket city-wide).
    /// Empty (the default) for a district on its own.
    /// </summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>District centre, decimal degrees (about 35.39 N, 116.63 E).</summary>
    public GeoPoint Centre { get; init; } = new(35.39, 116.63);

    /// <summary>Communities and supermarkets are placed within this radius of the centre, metres.</summary>
    public int RadiusMetres { get; init; } = 4_500;

    public int Supermarkets { get; init; } = 5;

    public int Communities { get; init; } = 12;

    /// <summary>Gates over all communities; each community gets 1 to 3.</summary>
    public int Gates { get; init; } = 25;

    public int FirstLevelGrids { get; init; } = 25;

    public int SecondLevelGrids { get; init; } = 108;

    public int Households { get; init; } = 36_000;

    /// <summary>Supply trucks ("70+ vehicles"), spread over the supermarkets.</summary>
    public int Trucks { get; init; } = 70;

    /// <summary>
    /// Volunteers over all gates. Null (the default) sizes each gate's team so that their
    /// <see cref="Dispatch.Domain.People.Volunteer.MaxHouseholds"/> (10 to 15 each) cover its door-delivery households.
    /// </summary>
    public int? Volunteers { get; init; }

    /// <summary>Communities under "don't leave the door" (door delivery for everyone).</summary>
    public int HighRiskCommunities { get; init; } = 4;

    /// <summary>Communities with normal life; the rest are medium risk (staggered pickup).</summary>
    public int LowRiskCommunities { get; init; } = 2;

    /// <summary>Share of households of elderly people living alone.</summary>
    public double ElderlyAloneShare { get; init; } = 0.08;

    /// <summary>Share of households with someone of limited mobility (goods carried upstairs).</summary>
    public double LimitedMobilityShare { get; init; } = 0.03;

    public double PregnantShare { get; init; } = 0.01;

    /// <summary>Share of households with a chronic illness (medicines).</summary>
    public double ChronicIllnessShare { get; init; } = 0.10;

    /// <summary>
    /// Gate zone sizes as a percentage of the drawn ones (disinfection capacity per cycle and storage capacity), 100 by
    /// default; below 100 makes the small gates of a hard day. Scaling after the draw keeps every other draw the same.
    /// </summary>
    public int ZonePercent { get; init; } = 100;

    /// <summary>Daily stock of the whole district, split over the supermarkets.</summary>
    public DistrictStock Stock { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot be built.</summary>
    public void Check()
    {
        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message);
            }
        }

        Require(Supermarkets >= 1, "supermarkets must be at least 1");
        Require(Communities >= 1, "communities must be at least 1");
        Require(Gates >= Communities && Gates <= 3 * Communities, $"gates must be between {Communities} and {3 * Communities} (1 to 3 per community)");
        Require(FirstLevelGrids >= Communities, "first-level grids must be at least one per community");
        Require(SecondLevelGrids >= FirstLevelGrids && SecondLevelGrids >= Gates, "second-level grids must be at least one per first-level grid and one per gate");
        Require(Households >= SecondLevelGrids, "households must be at least one per second-level grid");
        Require(Trucks >= 1, "trucks must be at least 1");
        Require(Volunteers is null || Volunteers >= Gates, "volunteers must be at least one per gate");
        Require(HighRiskCommunities >= 0 && LowRiskCommunities >= 0 && HighRiskCommunities + LowRiskCommunities <= Communities,
            "high- and low-risk communities must not outnumber the communities");
        Require(Dispatch.Domain.Orders.IdText.Problem(DistrictId, 64) is null && DistrictId.Length > 0, "district id must be 1 to 64 printable characters");
        Require(IdPrefix.Length == 0 || (Dispatch.Domain.Orders.IdText.Problem(IdPrefix, 16) is null && IdPrefix.AsSpan().IndexOfAny(", ") < 0),
            "id prefix must be at most 16 printable characters without commas or spaces");
        Require(ZonePercent is >= 10 and <= 1_000, "zone percent must be between 10 and 1000");
        Require(RadiusMetres >= 500, "radius must be at least 500 m");
        foreach (double share in new[] { ElderlyAloneShare, LimitedMobilityShare, PregnantShare, ChronicIllnessShare })
        {
            Require(share is >= 0 and <= 1, "vulnerability shares must be between 0 and 1");
        }
    }
}
