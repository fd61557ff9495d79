using Dispatch.Planning.District;

namespace Dispatch.Server.Planning;

/// <summary>A stored plan with its version and when it was made.</summary>
public sealed record VersionedPlan(Plan Plan, int Version, long CreatedAtUnixSeconds);
