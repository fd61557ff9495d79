namespace Dispatch.Domain.Geography;

/// <summary>
/// The unit orders are grouped by. First-level grids (Level 1) hold second-level grids (Level 2);
/// households and orders belong to second-level grids.
/// </summary>
/// <param name="GateId">The gate this grid's goods are delivered to (second-level grids only).</param>
/// <param name="AssignedSupermarketId">The supermarket that serves this grid first (second-level grids only).</param>
public sealed record Grid(
    string Id,
    string CommunityId,
    int Level,
    string? ParentGridId,
    string? GateId,
    string? AssignedSupermarketId);
