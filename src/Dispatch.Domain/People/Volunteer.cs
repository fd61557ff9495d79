namespace Dispatch.Domain.People;

/// <summary>A volunteer or property staff member carrying goods from a gate to doors.</summary>
/// <param name="MaxHouseholds">Households this volunteer looks after in a day (10 to 15 in the reports).</param>
/// <param name="CarryLimitGrams">What one trip from the gate can carry.</param>
public sealed record Volunteer(
    string Id,
    string GateId,
    string Name,
    int MaxHouseholds,
    long CarryLimitGrams,
    Shift Shift);

/// <summary>A working window in seconds from the plan day's start; the end may pass midnight.</summary>
public readonly record struct Shift(int StartSeconds, int EndSeconds)
{
    public int LengthSeconds => EndSeconds - StartSeconds;

    public bool IsValid => StartSeconds >= 0 && EndSeconds > StartSeconds;
}
