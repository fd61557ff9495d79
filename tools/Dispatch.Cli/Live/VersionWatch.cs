namespace Dispatch.Cli.Live;

/// <summary>The latest version a client has shown, and a way to wait for a newer one (scripted sessions).</summary>
internal sealed class VersionWatch
{
    private readonly object _gate = new();
    private int _version;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public void Saw(int version)
    {
        lock (_gate)
        {
            _version = version;
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>True once the version reaches <paramref name="version"/>, false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(int version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_version >= version)
                {
                    return true;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }
}
