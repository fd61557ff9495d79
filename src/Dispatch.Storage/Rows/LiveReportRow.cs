namespace Dispatch.Storage.Rows;

/// <summary>What happened during a live day (a stop reported, a volunteer dropping out, a truck arriving); append-only.</summary>
public sealed class LiveReportRow
{
    public long Id { get; set; }
    public string DistrictId { get; set; } = "";
    public int Day { get; set; }
    public string Kind { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string Document { get; set; } = "";
    public long AtUnixSeconds { get; set; }
}
