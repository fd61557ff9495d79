namespace Dispatch.Planning.Trucks;

/// <summary>A trip of a truck's route, by its number ("truck/trip", e.g. "T1/2"): how live reports name a departure.</summary>
public readonly record struct TruckTripRef(string TruckId, int TripNumber)
{
    public static TruckTripRef Parse(string text) =>
        NumberedIds.TrySplit(text, out string truckId, out int trip) ? new(truckId, trip) : throw NumberedIds.NotA("truck trip id (truck/trip)", text);

    public override string ToString() => NumberedIds.Format(TruckId, TripNumber);
}
