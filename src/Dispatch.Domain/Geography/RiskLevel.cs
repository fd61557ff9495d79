namespace Dispatch.Domain.Geography;

/// <summary>Lockdown risk level of an area: decides how the last metres are served.</summary>
public enum RiskLevel
{
    /// <summary>Normal life: households pick up freely once goods are released.</summary>
    Low = 0,

    /// <summary>"Don't leave the compound": households pick up in staggered slots.</summary>
    Medium = 1,

    /// <summary>"Don't leave the door": volunteers deliver to each door, zero contact.</summary>
    High = 2,
}
