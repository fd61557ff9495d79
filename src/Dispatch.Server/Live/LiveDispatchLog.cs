namespace Dispatch.Server.Live;

internal static partial class LiveDispatchLog
{
    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Gate {GateId} re-planned ({Cause}): plan v{Version}, {Changed} volunteers' routes changed, {Milliseconds} ms")]
    public static partial void GateReplanned(ILogger logger, string gateId, string cause, int version, int changed, long milliseconds);

    [LoggerMessage(EventId = 602, Level = LogLevel.Information, Message = "Plan v{Version} of {DistrictId} day {Day} is live: {Changed} volunteers' routes sent")]
    public static partial void PlanLive(ILogger logger, string districtId, int day, int version, int changed);

    [LoggerMessage(EventId = 603, Level = LogLevel.Information, Message = "Stop {DeliveryId} reported by {VolunteerId}: {Outcome}")]
    public static partial void StopReported(ILogger logger, string deliveryId, string volunteerId, string outcome);

    [LoggerMessage(EventId = 604, Level = LogLevel.Error, Message = "Top-up of {Count} orders failed; they stay stored for the next district plan")]
    public static partial void TopUpFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 605, Level = LogLevel.Warning, Message = "Order {OrderId} arrived for the live day but its household has no gate in the scenario: not topped up")]
    public static partial void TopUpWithoutGate(ILogger logger, string orderId);

    [LoggerMessage(EventId = 606, Level = LogLevel.Error, Message = "Re-planning gate {GateId} for late truck {TruckId} failed; its arrival report will re-plan it")]
    public static partial void ExpectedLateReplanFailed(ILogger logger, string gateId, string truckId, Exception exception);

    [LoggerMessage(EventId = 607, Level = LogLevel.Warning, Message = "Re-plan of gate {GateId} ({Cause}) dropped: a new district plan (v{Version}) replaced the one it started from")]
    public static partial void ReplanSuperseded(ILogger logger, string gateId, string cause, int version);
}
