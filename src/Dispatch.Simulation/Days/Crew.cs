using Dispatch.Domain.People;
using Dispatch.Domain.Supply;

namespace Dispatch.Simulation.Days;

/// <summary>Who is on duty each day: volunteers who have not dropped out and are not ill, trucks not off the road.</summary>
internal sealed class Crew(IReadOnlyList<Vehicle> vehicles, IReadOnlyList<Volunteer> volunteers, SimulationOptions options)
{
    private readonly HashSet<string> _droppedOut = new(StringComparer.Ordinal);

    /// <summary>Call once per day, in day order: drop-outs accumulate.</summary>
    public IReadOnlyList<Volunteer> VolunteersOn(int day)
    {
        // One draw per volunteer for each purpose every day, whatever their state, so nobody's draw shifts another's.
        var dropOut = DayRandom.For(options.Seed, day, DayRandom.DropOut);
        var illness = DayRandom.For(options.Seed, day, DayRandom.VolunteerAvailability);
        var onDuty = new List<Volunteer>(volunteers.Count);
        foreach (var volunteer in volunteers)
        {
            bool leaves = dropOut.NextDouble() < options.VolunteerDropOutShare;
            bool ill = illness.NextDouble() < options.VolunteerIllnessShare;
            if (leaves)
            {
                _droppedOut.Add(volunteer.Id);
            }

            if (!ill && !_droppedOut.Contains(volunteer.Id))
            {
                onDuty.Add(volunteer);
            }
        }

        return onDuty;
    }

    public IReadOnlyList<Vehicle> TrucksOn(int day)
    {
        var off = DayRandom.For(options.Seed, day, DayRandom.TruckAvailability);
        return vehicles.Where(_ => off.NextDouble() >= options.TruckIllnessShare).ToList();
    }
}
