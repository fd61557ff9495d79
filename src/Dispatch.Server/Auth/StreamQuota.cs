using System.Collections.Concurrent;
using Dispatch.Server.Errors;

namespace Dispatch.Server.Auth;

/// <summary>Counts the streaming calls each key holds open; one key cannot take every connection slot.</summary>
public sealed class StreamQuota(AuthOptions options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int OpenStreams(string keyId) => _open.GetValueOrDefault(keyId);

    /// <summary>Takes one stream slot for the key until the returned lease is disposed, or throws LimitExceededException.</summary>
    public IDisposable Acquire(string keyId)
    {
        int limit = options.MaxConcurrentStreamsPerKey;
        int now = _open.AddOrUpdate(keyId, 1, (_, n) => n + 1);
        if (now > limit)
        {
            Release(keyId);
            throw new LimitExceededException($"this key already holds {limit} open streams (Auth:MaxConcurrentStreamsPerKey); close one and retry");
        }

        return new Lease(this, keyId);
    }

    private void Release(string keyId) => _open.AddOrUpdate(keyId, 0, (_, n) => n - 1);

    private sealed class Lease(StreamQuota quota, string keyId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                quota.Release(keyId);
            }
        }
    }
}
