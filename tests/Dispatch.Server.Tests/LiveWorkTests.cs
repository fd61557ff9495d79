using Dispatch.Server.Live;

namespace Dispatch.Server.Tests;

/// <summary>Background live work is tracked: it says when it ends, and the server's shutdown waits for it.</summary>
public sealed class LiveWorkTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Shutdown_cancels_the_work_and_waits_for_it_and_its_end_is_published()
    {
        var work = new LiveWork();
        using var done = work.Done.Subscribe();
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Run(async stopping =>
        {
            started.SetResult(stopping);
            await release.Task;
            return new ReplanCompleted("G1", "test", 7);
        });
        var stopping = await started.Task.WaitAsync(s_bound);

        var stop = work.StopAsync(CancellationToken.None);

        Assert.True(stopping.IsCancellationRequested);
        Assert.False(stop.IsCompleted);
        release.SetResult();
        await stop.WaitAsync(s_bound);
        Assert.Equal(new ReplanCompleted("G1", "test", 7), await done.NextAsync(_ => true, s_bound));
    }

    [Fact]
    public async Task Each_subscriber_hears_every_end_after_it_subscribed()
    {
        var work = new LiveWork();
        work.Ended(new ReleaseChecked(1));
        using var first = work.Done.Subscribe();
        work.Ended(new ReleaseChecked(2));
        using var second = work.Done.Subscribe();
        work.Ended(new ReleaseChecked(3));

        Assert.Equal(new ReleaseChecked(2), await first.NextAsync(_ => true, s_bound));
        Assert.Equal(new ReleaseChecked(3), await first.NextAsync(_ => true, s_bound));
        Assert.Equal(new ReleaseChecked(3), await second.NextAsync(_ => true, s_bound));
        Assert.False(second.Reader.TryRead(out _));
    }
}
