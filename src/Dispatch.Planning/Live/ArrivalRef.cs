namespace Dispatch.Planning.Live;

/// <summary>
/// A truck's arrival at a gate with a load ("truck/gate/load"): how live reports name it, so a repeated report is
/// known. Truck and gate ids are the scenario's; the load id is the rest (it may hold the separator itself).
/// </summary>
public readonly record struct ArrivalRef(string TruckId, string GateId, string LoadId)
{
    private const char Separator = '/';

    public static ArrivalRef Parse(string text)
    {
        int truckEnd = text.IndexOf(Separator);
        int gateEnd = truckEnd < 0 ? -1 : text.IndexOf(Separator, truckEnd + 1);
        return truckEnd > 0 && gateEnd > truckEnd + 1 && gateEnd < text.Length - 1
            ? new ArrivalRef(text[..truckEnd], text[(truckEnd + 1)..gateEnd], text[(gateEnd + 1)..])
            : throw NumberedIds.NotA("arrival id (truck/gate/load)", text);
    }

    public override string ToString() => string.Concat(TruckId, Separator.ToString(), GateId, Separator.ToString(), LoadId);
}
