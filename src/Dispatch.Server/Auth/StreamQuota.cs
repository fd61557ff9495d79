using System.Collections.Concurrent;

namespace Dispatch.Server.Auth;

/// <summary>Counts the streaming calls each key holds open; one key cannot take every connection slot.</summary>
public sealed class StreamQuota(AuthOptions options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int OpenStreams(string keyId) => _open.GetValueOrDefault(keyId);

    public int Limit => options.MaxConcurrentStreamsPerKey;

    /// <summary>Completes when a stream next gives its slot back: take it before trying for a slot, await it after a refusal.</summary>
    public Task NextRelease => Volatile.Read(ref _released).Task;

    /// <summary>Takes one stream slot for the key until the returned lease is disposed; null when the key holds <see cref="Limit"/> already.</summary>
    public IDisposable? TryAcquire(string keyId)
    {
        int now = _open.AddOrUpdate(keyId, 1, (_, n) => n + 1);
        if (now > Limit)
        {
            Uncount(keyId);
            return null;
        }

        return new Lease(this, keyId);
    }

    private void Release(string keyId)
    {
        Uncount(keyId);
        Interlocked.Exchange(ref _released, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private void Uncount(string keyId) => _open.AddOrUpdate(keyId, 0, (_, n) => n - 1);

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
