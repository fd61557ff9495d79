namespace Dispatch.Domain.Geography;

/// <summary>A compound or village inside a district, with one or more gates.</summary>
public sealed record Community(string Id, string DistrictId, string Name, RiskLevel RiskLevel);
