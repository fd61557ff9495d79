namespace Dispatch.Server.Auth;

internal static partial class ApiKeyLog
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "API key {Number} of {Source}: role {Role}, subject {Subject}")]
    public static partial void KeyConfigured(ILogger logger, int number, string source, string role, string subject);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Auth:Enabled is false: every caller is served as unrestricted (tests and benchmarks only)")]
    public static partial void AuthDisabled(ILogger logger);
}
