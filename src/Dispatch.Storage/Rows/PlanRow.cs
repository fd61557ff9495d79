namespace Dispatch.Storage.Rows;

/// <summary>One stored version of a district day's plan; the document is the planner's output, gzip-compressed.</summary>
public sealed class PlanRow
{
    public string DistrictId { get; set; } = "";
    public int Day { get; set; }
    public int Version { get; set; }
    public long CreatedAtUnixSeconds { get; set; }
    public byte[] Document { get; set; } = [];
}
