namespace Dispatch.Contracts.V1;

/// <summary>A route streamed to one owner (a volunteer, a truck) at a version; lets one hub serve every kind.</summary>
public interface IVersionedRoute
{
    string OwnerId { get; }

    int Version { get; set; }

    int PlanVersion { get; set; }
}

public sealed partial class Assignment : IVersionedRoute
{
    public string OwnerId => VolunteerId;
}

public sealed partial class TruckAssignment : IVersionedRoute
{
    public string OwnerId => TruckId;
}
