using System.Collections.Concurrent;
using Dispatch.Storage;

namespace Dispatch.Server.Auth;

/// <summary>
/// The keys issued at run time (redeemed sign-in links), looked up in the database by hash. A key found once is kept
/// in memory: issued keys are never changed or taken back, and the database is then asked only about unknown keys.
/// </summary>
public sealed class IssuedKeyStore(SignInLinkStore store) : IApiKeyStore
{
    private readonly ConcurrentDictionary<string, Caller> _found = new(StringComparer.Ordinal);

    public async ValueTask<Caller?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (_found.TryGetValue(keyHash, out var known))
        {
            return known;
        }

        if (await store.FindKeyAsync(keyHash, cancellationToken) is not { } issued || CallerRoles.Parse(issued.Role) is not { } role)
        {
            return null;
        }

        return _found.GetOrAdd(keyHash, new Caller(role, issued.SubjectId, keyHash[..12]));
    }
}
