namespace Dispatch.Storage.Rows;

/// <summary>An accepted order as stored; bundle counts are columns so a batch is one row per order.</summary>
public sealed class OrderRow
{
    /// <summary>The engine-wide id (the supermarket's id scoped by the supermarket; orders stored before scoping keep theirs).</summary>
    public string OrderId { get; set; } = "";

    public string SupermarketId { get; set; } = "";

    /// <summary>The id the supermarket gave; unique per supermarket.</summary>
    public string SupermarketOrderId { get; set; } = "";

    public string BatchId { get; set; } = "";
    public string GridId { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public int Day { get; set; }
    public int MeatAndVegetable { get; set; }
    public int Vegetable { get; set; }
    public int RiceAndFlour { get; set; }
    public int Medicine { get; set; }
    public int Status { get; set; }
    public long ReceivedAtUnixSeconds { get; set; }
    public long StatusChangedAtUnixSeconds { get; set; }
}
