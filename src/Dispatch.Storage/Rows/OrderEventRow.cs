namespace Dispatch.Storage.Rows;

/// <summary>One status change of an order after it was received; append-only.</summary>
public sealed class OrderEventRow
{
    public long Id { get; set; }
    public string OrderId { get; set; } = "";
    public int Status { get; set; }
    public long AtUnixSeconds { get; set; }
    public string Reason { get; set; } = "";
}
