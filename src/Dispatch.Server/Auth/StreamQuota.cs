using System.Collections.Concurrent;

namespace Dispatch.Server.Auth;

/// <summary>Counts the streaming calls each key holds open; one key cannot take every connection slot.</summary>
public sealed class StreamQuota(AuthOptions options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int OpenStreams(string keyId) => _open.GetValueOrDefault(keyId);

    public int Limit => options.MaxConcurrentStreamsPerKey;

    /// <summary>Takes one stream slot for the key until the returned lease is disposed; null when the key holds <see cref="Limit"/> already.</summary>
    public IDisposable? TryAcquire(string keyId)
    {
        int now = _open.AddOrUpdate(keyId, 1, (_, n) => n + 1);
        if (now > Limit)
        {
            Release(keyId);
            return null;
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
