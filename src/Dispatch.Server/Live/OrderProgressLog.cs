namespace Dispatch.Server.Live;

internal static partial class OrderProgressLog
{
    [LoggerMessage(EventId = 611, Level = LogLevel.Information, Message = "{Count} orders {Status}: {Cause}")]
    public static partial void Advanced(ILogger logger, int count, string status, string cause);

    [LoggerMessage(EventId = 612, Level = LogLevel.Information, Message = "Order progress of day {Day} loaded: {Orders} orders with stored statuses")]
    public static partial void Loaded(ILogger logger, int day, int orders);

    [LoggerMessage(EventId = 613, Level = LogLevel.Warning, Message = "Release check failed; trying again at the next check")]
    public static partial void ReleaseCheckFailed(ILogger logger, Exception exception);
}
