using Dispatch.Server.Hosting;

namespace Dispatch.Server.Live;

/// <summary>
/// Releases goods whose disinfection and 30-minute rest are over, checking every
/// <see cref="LiveOptions.ReleaseCheckMilliseconds"/>. Nobody reports a release: the plan clock does. Each check
/// ends with a <see cref="ReleaseChecked"/> on <see cref="LiveWork.Done"/>.
/// </summary>
public sealed class ReleaseWatch(ILiveDispatch live, LiveWork work, LiveOptions options, ILogger<ReleaseWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time between checks: the plan clock (a fake one in tests) says what is due, not how often to look.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(1, options.ReleaseCheckMilliseconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                work.Ended(new ReleaseChecked(await live.ReleaseDueAsync(stoppingToken)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed check (a busy database) must not end releases for the rest of the day or stop the host.
                OrderProgressLog.ReleaseCheckFailed(logger, e);
                work.Ended(new ReleaseChecked(0, e));
            }
        }
    }
}
