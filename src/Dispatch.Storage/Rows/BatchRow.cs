namespace Dispatch.Storage.Rows;

/// <summary>A batch as first answered; kept so a repeated batch id gets the same answer.</summary>
public sealed class BatchRow
{
    public string SupermarketId { get; set; } = "";
    public string BatchId { get; set; } = "";
    public string GridId { get; set; } = "";
    public int Day { get; set; }
    public int OrderCount { get; set; }
    public int AcceptedCount { get; set; }
    public string RejectionsJson { get; set; } = "[]";
    public long ReceivedAtUnixSeconds { get; set; }
}
