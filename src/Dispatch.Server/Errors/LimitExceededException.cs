namespace Dispatch.Server.Errors;

/// <summary>A configured limit (streams per key, ...) is reached; becomes RESOURCE_EXHAUSTED, worth retrying later.</summary>
public sealed class LimitExceededException(string message) : Exception(message);
