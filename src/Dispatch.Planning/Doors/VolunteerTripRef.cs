namespace Dispatch.Planning.Doors;

/// <summary>A door trip of a volunteer's route, by its number ("volunteer/trip", e.g. "V1/2"): how live reports name a trip that left the gate.</summary>
public readonly record struct VolunteerTripRef(string VolunteerId, int TripNumber)
{
    public static VolunteerTripRef Parse(string text) =>
        NumberedIds.TrySplit(text, out string volunteerId, out int trip) ? new(volunteerId, trip) : throw NumberedIds.NotA("volunteer trip id (volunteer/trip)", text);

    public override string ToString() => NumberedIds.Format(VolunteerId, TripNumber);
}
