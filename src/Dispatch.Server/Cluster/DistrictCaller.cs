using Dispatch.Server.Auth;

namespace Dispatch.Server.Cluster;

/// <summary>Who asks, carried from the silo's endpoint to a district's grain for the answers that depend on it.</summary>
[GenerateSerializer]
[Immutable]
public sealed record DistrictCaller([property: Id(0)] CallerRole Role, [property: Id(1)] string SubjectId, [property: Id(2)] string KeyId)
{
    public static DistrictCaller From(Caller caller) => new(caller.Role, caller.SubjectId, caller.KeyId);

    public Caller ToCaller() => new(Role, SubjectId, KeyId);
}
