using System.Text.Json;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Live;
using Dispatch.Planning.Trucks;
using Dispatch.Storage;

namespace Dispatch.Server.Live;

/// <summary>How live reports (stops, availability, arrivals, departures, trip starts, wrong proof codes and unlocks) are stored (kind, subject, JSON document) and read back into a live day.</summary>
internal static class LiveReportKinds
{
    public const string Stop = "stop";
    public const string Availability = "availability";
    public const string Arrival = "arrival";
    public const string Departure = "departure";
    public const string TripStart = "trip-start";
    public const string WrongCode = "wrong-code";
    public const string CodeUnlock = "code-unlock";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static LiveReport OfStop(LiveDay day, StopReport report, long nowUnixSeconds) =>
        new(day.DistrictId, day.Day, Stop, report.DeliveryId, JsonSerializer.Serialize(report, s_json), nowUnixSeconds);

    public static LiveReport OfAvailability(LiveDay day, string volunteerId, bool available, long nowUnixSeconds) =>
        new(day.DistrictId, day.Day, Availability, volunteerId, JsonSerializer.Serialize(new AvailabilityDocument(available), s_json), nowUnixSeconds);

    public static LiveReport OfArrival(LiveDay day, ArrivalRef arrival, int arrivedAtSeconds, int lateBySeconds, long nowUnixSeconds) =>
        new(day.DistrictId, day.Day, Arrival, arrival.ToString(), JsonSerializer.Serialize(new ArrivalDocument(arrivedAtSeconds, lateBySeconds), s_json), nowUnixSeconds);

    public static LiveReport OfDeparture(LiveDay day, TruckTripRef trip, int departedAtSeconds, long nowUnixSeconds) =>
        new(day.DistrictId, day.Day, Departure, trip.ToString(), JsonSerializer.Serialize(new DepartureDocument(departedAtSeconds), s_json), nowUnixSeconds);

    public static LiveReport OfTripStart(LiveDay day, VolunteerTripRef trip, long nowUnixSeconds) =>
        new(day.DistrictId, day.Day, TripStart, trip.ToString(), "{}", nowUnixSeconds);

    public static LiveReport OfWrongCode(LiveDay day, WrongCode wrong, long nowUnixSeconds) =>
        new(day.DistrictId, day.Day, WrongCode, wrong.OrderRef, JsonSerializer.Serialize(wrong, s_json), nowUnixSeconds);

    public static LiveReport OfCodeUnlock(LiveDay day, CodeUnlock unlock, long nowUnixSeconds) =>
        new(day.DistrictId, day.Day, CodeUnlock, unlock.OrderRef ?? unlock.VolunteerId ?? string.Empty, JsonSerializer.Serialize(unlock, s_json), nowUnixSeconds);

    /// <summary>Replays stored reports into the day's state, oldest first (a later availability overrides an earlier one).</summary>
    public static void Apply(LiveDay day, IEnumerable<LiveReport> reports)
    {
        foreach (var report in reports.Where(r => r.DistrictId == day.DistrictId && r.Day == day.Day))
        {
            switch (report.Kind)
            {
                case Stop when JsonSerializer.Deserialize<StopReport>(report.Document, s_json) is { } stop:
                    day.Reports[stop.DeliveryId] = stop;
                    break;
                case Availability when JsonSerializer.Deserialize<AvailabilityDocument>(report.Document, s_json) is { } availability:
                    if (availability.Available)
                    {
                        day.Unavailable.TryRemove(report.SubjectId, out _);
                    }
                    else
                    {
                        day.Unavailable[report.SubjectId] = true;
                    }

                    break;
                case Arrival when JsonSerializer.Deserialize<ArrivalDocument>(report.Document, s_json) is { } arrival:
                    day.Arrivals[ArrivalRef.Parse(report.SubjectId)] = (arrival.ArrivedAtSeconds, arrival.LateBySeconds);
                    break;
                case Departure when JsonSerializer.Deserialize<DepartureDocument>(report.Document, s_json) is { } departure:
                    day.Departures[TruckTripRef.Parse(report.SubjectId)] = departure.DepartedAtSeconds;
                    break;
                case TripStart:
                    day.StartedTrips[VolunteerTripRef.Parse(report.SubjectId)] = true;
                    break;
                case WrongCode when JsonSerializer.Deserialize<WrongCode>(report.Document, s_json) is { } wrong:
                    day.CodeAttempts.Wrong(wrong);
                    break;
                case CodeUnlock when JsonSerializer.Deserialize<CodeUnlock>(report.Document, s_json) is { } unlock:
                    if (unlock.OrderRef is { } orderRef)
                    {
                        day.CodeAttempts.UnlockOrder(orderRef);
                    }

                    if (unlock.VolunteerId is { } volunteerId)
                    {
                        day.CodeAttempts.UnlockVolunteer(volunteerId);
                    }

                    break;
            }
        }
    }

    private sealed record AvailabilityDocument(bool Available);

    private sealed record ArrivalDocument(int ArrivedAtSeconds, int LateBySeconds);

    private sealed record DepartureDocument(int DepartedAtSeconds);
}
