namespace Dispatch.Server.Auth;

/// <summary>
/// Where API keys are looked up, by the SHA-256 hash of the key presented (never the key itself). The configured keys
/// (<see cref="ApiKeyDirectory"/>) are one store; keys issued at run time and stored hashed (a volunteer's invite, ...)
/// plug in as another: register more implementations and each is asked in registration order.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Who a key with this hash (<see cref="ApiKeyDirectory.Hash"/>) belongs to, or null when this store does not know it.</summary>
    ValueTask<Caller?> FindAsync(string keyHash, CancellationToken cancellationToken);
}
