namespace Dispatch.Server.Errors;

/// <summary>A known caller asks for something its role or subject does not allow; becomes PERMISSION_DENIED.</summary>
public sealed class PermissionDeniedException(string message) : Exception(message);
