namespace Dispatch.Server.Errors;

/// <summary>No API key, or one the server does not know; becomes UNAUTHENTICATED.</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);
