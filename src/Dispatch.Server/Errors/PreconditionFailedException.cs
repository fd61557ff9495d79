namespace Dispatch.Server.Errors;

/// <summary>The request is well-formed but the system is not in a state to do it; becomes FAILED_PRECONDITION.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);
