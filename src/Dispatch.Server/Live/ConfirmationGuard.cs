using Dispatch.Server.Errors;
using Dispatch.Server.Hosting;

namespace Dispatch.Server.Live;

/// <summary>
/// Checks a proof code given at a door or at the pickup zone, and limits wrong ones so a code cannot be found by
/// trying: <see cref="LiveOptions.MaxWrongCodesPerOrder"/> wrong codes for one order lock that order's confirmation,
/// <see cref="LiveOptions.MaxWrongCodesPerVolunteer"/> by one volunteer in the live day lock that volunteer's code
/// reports, until a supervisor lifts the lock. Every wrong code is stored as a live report (with the lock it sets, and
/// the lock as an entry in the order's history), so a restart forgets nothing.
/// </summary>
public sealed class ConfirmationGuard(ConfirmationCodes codes, OrderHistory history, LiveOptions options, TimeProvider clock, ILogger<ConfirmationGuard> logger)
{
    // One at a time: the count, the lock decision and the stored report must not interleave between attempts.
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>
    /// Returns when <paramref name="code"/> is the order's code and neither the order nor the volunteer is locked.
    /// A locked one is FAILED_PRECONDITION whatever the code; a wrong code is counted, stored and INVALID_ARGUMENT on
    /// <paramref name="field"/>.
    /// </summary>
    internal async Task CheckAsync(LiveDay day, string volunteerId, string orderRef, string code, string field, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var attempts = day.CodeAttempts;
            if (attempts.IsOrderLocked(orderRef))
            {
                throw new PreconditionFailedException(
                    $"confirmation of order {orderRef} is locked after {attempts.WrongForOrder(orderRef)} wrong codes; a planner or admin must unlock it (Volunteers.UnlockConfirmation, `dispatch unlock-code --order {orderRef}`)");
            }

            if (attempts.IsVolunteerLocked(volunteerId))
            {
                throw new PreconditionFailedException(
                    $"code reports of {volunteerId} are locked after {attempts.WrongByVolunteer(volunteerId)} wrong codes today; a planner or admin must unlock them (Volunteers.UnlockConfirmation, `dispatch unlock-code --volunteer {volunteerId}`)");
            }

            if (codes.Matches(orderRef, code))
            {
                return;
            }

            int orderLeft = options.MaxWrongCodesPerOrder - attempts.WrongForOrder(orderRef) - 1;
            int volunteerLeft = options.MaxWrongCodesPerVolunteer - attempts.WrongByVolunteer(volunteerId) - 1;
            var wrong = new WrongCode(orderRef, volunteerId, LocksOrder: orderLeft <= 0, LocksVolunteer: volunteerLeft <= 0);
            await StoreAsync(day, wrong, cancellationToken);
            attempts.Wrong(wrong);
            throw new InvalidRequestException(field, wrong switch
            {
                { LocksOrder: true } => $"does not match the household's code; that was the {options.MaxWrongCodesPerOrder}th wrong code for this order: its confirmation is now locked until a planner or admin unlocks it",
                { LocksVolunteer: true } => $"does not match the household's code; that was your {options.MaxWrongCodesPerVolunteer}th wrong code today: your code reports are now locked until a planner or admin unlocks them",
                _ => $"does not match the household's code; {Math.Min(orderLeft, volunteerLeft)} more wrong codes lock {(orderLeft <= volunteerLeft ? "this order's confirmation" : "your code reports")}",
            });
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Lifts the lock of an order or a volunteer (one of the two is given) and forgets its wrong codes.</summary>
    /// <param name="by">Who lifts it, for the history ("planner", "admin").</param>
    internal async Task<UnlockResult> UnlockAsync(LiveDay day, string? orderRef, string? volunteerId, string by, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var attempts = day.CodeAttempts;
            bool locked = orderRef is not null ? attempts.IsOrderLocked(orderRef) : attempts.IsVolunteerLocked(volunteerId!);
            int wrong = orderRef is not null ? attempts.WrongForOrder(orderRef) : attempts.WrongByVolunteer(volunteerId!);
            if (!locked)
            {
                return new UnlockResult(WasLocked: false, wrong);
            }

            var unlock = new CodeUnlock(orderRef, volunteerId, by);
            (string, string)[] notes = orderRef is null ? [] : [(orderRef, $"proof-code lock lifted by {by} ({wrong} wrong codes forgotten)")];
            await history.NoteAsync(LiveReportKinds.OfCodeUnlock(day, unlock, clock.GetUtcNow().ToUnixTimeSeconds()), notes, cancellationToken);
            _ = orderRef is not null ? attempts.UnlockOrder(orderRef) : attempts.UnlockVolunteer(volunteerId!);
            ConfirmationGuardLog.Unlocked(logger, orderRef ?? volunteerId!, by, wrong);
            return new UnlockResult(WasLocked: true, wrong);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task StoreAsync(LiveDay day, WrongCode wrong, CancellationToken cancellationToken)
    {
        var notes = new List<(string, string)>();
        if (wrong.LocksOrder)
        {
            notes.Add((wrong.OrderRef, $"confirmation locked: {options.MaxWrongCodesPerOrder} wrong proof codes for this order (the last from {wrong.VolunteerId}); a planner or admin unlocks it"));
            ConfirmationGuardLog.OrderLocked(logger, wrong.OrderRef, options.MaxWrongCodesPerOrder, wrong.VolunteerId);
        }

        if (wrong.LocksVolunteer)
        {
            notes.Add((wrong.OrderRef, $"code reports of {wrong.VolunteerId} locked: {options.MaxWrongCodesPerVolunteer} wrong proof codes today (the last for this order); a planner or admin unlocks them"));
            ConfirmationGuardLog.VolunteerLocked(logger, wrong.VolunteerId, options.MaxWrongCodesPerVolunteer);
        }

        await history.NoteAsync(LiveReportKinds.OfWrongCode(day, wrong, clock.GetUtcNow().ToUnixTimeSeconds()), notes, cancellationToken);
    }
}
