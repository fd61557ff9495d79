namespace Dispatch.Planning.Trucks;

/// <summary>
/// A consignment: one piece of a load, as a truck stop unloads it at a gate and as cycles and order outcomes name it
/// ("load/piece", e.g. "SM1&gt;G1#1/2"; the piece is after the last separator). The only place that text is made or read.
/// </summary>
public readonly record struct ConsignmentRef(string LoadId, int Piece)
{
    /// <summary>The consignment a stop unloads.</summary>
    public static ConsignmentRef Of(TruckStop stop) => new(stop.LoadId, stop.Piece);

    public static ConsignmentRef Parse(string text) =>
        TryParse(text, out var consignment) ? consignment : throw NumberedIds.NotA("consignment id (load/piece)", text);

    public static bool TryParse(string? text, out ConsignmentRef consignment)
    {
        bool parsed = NumberedIds.TrySplit(text, out string loadId, out int piece);
        consignment = new ConsignmentRef(loadId, piece);
        return parsed;
    }

    /// <summary>True when <paramref name="text"/> names a piece of <paramref name="loadId"/>.</summary>
    public static bool IsPieceOf(string? text, string loadId) => TryParse(text, out var consignment) && consignment.LoadId == loadId;

    public override string ToString() => NumberedIds.Format(LoadId, Piece);
}
