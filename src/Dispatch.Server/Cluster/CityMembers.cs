using Dispatch.Domain.Geography;
using Dispatch.Server.Errors;
using Dispatch.Server.Services;

namespace Dispatch.Server.Cluster;

/// <summary>
/// Finds the district of a volunteer or truck named <c>district/local</c> on a silo's endpoint: the id's shape, then
/// the caller's right to act for it, then the district and whether it has that member.
/// </summary>
public sealed class CityMembers(CityMap city, IGrainFactory grains)
{
    /// <param name="field">The request field the id came in, for refusals.</param>
    /// <param name="kind">"volunteer" or "truck", for refusals.</param>
    /// <param name="ensureCaller">Throws when the caller may not act for the (scoped) id.</param>
    /// <param name="has">Asks the district's grain whether it has the local id.</param>
    public async Task<(DistrictScopedId Member, IDistrictGrain Grain)> FindAsync(
        string field, string id, string kind, Action<string> ensureCaller, Func<IDistrictGrain, string, Task<bool>> has)
    {
        RequestChecks.Id(field, id, RequestChecks.MaxComposedIdLength);
        if (!DistrictScopedId.TryParse(id, out var member))
        {
            throw new InvalidRequestException(field, $"must name the district in a city: district/{kind} id, e.g. pudong/{(kind == "truck" ? "T01" : "VOL0001")}");
        }

        ensureCaller(id);
        string district = member.District.ToString();
        if (city.Find(district) is null)
        {
            throw new ResourceNotFoundException("district", district);
        }

        var grain = grains.GetGrain<IDistrictGrain>(district);
        return await DistrictCall.Reach(district, () => has(grain, member.LocalId))
            ? (member, grain)
            : throw new ResourceNotFoundException(kind, id);
    }
}
