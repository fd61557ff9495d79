namespace Dispatch.Server.Live;

internal static partial class ConfirmationGuardLog
{
    [LoggerMessage(EventId = 621, Level = LogLevel.Warning, Message = "Confirmation of order {OrderRef} locked after {Wrong} wrong proof codes (the last from {VolunteerId})")]
    public static partial void OrderLocked(ILogger logger, string orderRef, int wrong, string volunteerId);

    [LoggerMessage(EventId = 622, Level = LogLevel.Warning, Message = "Code reports of volunteer {VolunteerId} locked after {Wrong} wrong proof codes today")]
    public static partial void VolunteerLocked(ILogger logger, string volunteerId, int wrong);

    [LoggerMessage(EventId = 623, Level = LogLevel.Information, Message = "Proof-code lock of {Subject} lifted by {By} ({Wrong} wrong codes forgotten)")]
    public static partial void Unlocked(ILogger logger, string subject, string by, int wrong);
}
