namespace Dispatch.Server.Errors;

/// <summary>The server is stopping and ends the call cleanly; becomes UNAVAILABLE so clients retry elsewhere or later.</summary>
public sealed class ServerShuttingDownException() : Exception("server shutting down; retry, unacknowledged batches are safe to push again");
