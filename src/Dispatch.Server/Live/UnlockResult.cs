namespace Dispatch.Server.Live;

/// <summary>The answer to an unlock: whether there was a lock, and how many wrong codes it forgot.</summary>
public sealed record UnlockResult(bool WasLocked, int WrongCodes);
