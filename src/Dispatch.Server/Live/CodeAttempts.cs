namespace Dispatch.Server.Live;

/// <summary>
/// The live day's wrong proof codes: how many each order and each volunteer has had since its last unlock, and which
/// are locked. Changed only by <see cref="ConfirmationGuard"/> (under its lock) and by replaying stored reports.
/// </summary>
internal sealed class CodeAttempts
{
    private readonly Dictionary<string, int> _wrongByOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _wrongByVolunteer = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lockedOrders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lockedVolunteers = new(StringComparer.Ordinal);

    public bool IsOrderLocked(string orderRef) => _lockedOrders.Contains(orderRef);

    public bool IsVolunteerLocked(string volunteerId) => _lockedVolunteers.Contains(volunteerId);

    public int WrongForOrder(string orderRef) => _wrongByOrder.GetValueOrDefault(orderRef);

    public int WrongByVolunteer(string volunteerId) => _wrongByVolunteer.GetValueOrDefault(volunteerId);

    /// <summary>Counts one wrong code; the locks it caused (decided when it was made) are taken as given.</summary>
    public void Wrong(WrongCode wrong)
    {
        _wrongByOrder[wrong.OrderRef] = WrongForOrder(wrong.OrderRef) + 1;
        _wrongByVolunteer[wrong.VolunteerId] = WrongByVolunteer(wrong.VolunteerId) + 1;
        if (wrong.LocksOrder)
        {
            _lockedOrders.Add(wrong.OrderRef);
        }

        if (wrong.LocksVolunteer)
        {
            _lockedVolunteers.Add(wrong.VolunteerId);
        }
    }

    /// <summary>Lifts the order's lock and forgets its wrong codes; returns how many there were.</summary>
    public int UnlockOrder(string orderRef)
    {
        _lockedOrders.Remove(orderRef);
        _wrongByOrder.Remove(orderRef, out int wrong);
        return wrong;
    }

    /// <summary>Lifts the volunteer's lock and forgets their wrong codes; returns how many there were.</summary>
    public int UnlockVolunteer(string volunteerId)
    {
        _lockedVolunteers.Remove(volunteerId);
        _wrongByVolunteer.Remove(volunteerId, out int wrong);
        return wrong;
    }
}
