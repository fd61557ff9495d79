namespace Dispatch.Domain.Geography;

/// <summary>An administrative area (街道); the unit of planning and the shard key.</summary>
public sealed record District(string Id, string Name, GeoPoint Centre);
