using Dispatch.Domain.Geography;

namespace Dispatch.Simulation.Cities;

/// <summary>
/// Each district's own seed, derived from the city's seed and the district's id (not its place in city.json), so
/// districts draw differently from one another, and listing them in another order changes nothing.
/// </summary>
public static class CitySeeds
{
    public static int ForDistrict(int citySeed, DistrictId district)
    {
        // FNV-1a over the id, then the SplitMix64 finaliser to spread nearby ids and seeds over the whole range.
        uint hash = 2_166_136_261;
        foreach (char c in district.Value)
        {
            hash = unchecked((hash ^ c) * 16_777_619);
        }

        ulong z = unchecked(((ulong)(uint)citySeed << 32) | hash);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }
}
