using Dispatch.Contracts.V1;
using Dispatch.Web.Shared;
using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Web.Volunteer;

public enum FeedState
{
    Connecting,
    Live,
    Reconnecting,
    Refused,
}

/// <summary>
/// Follows a volunteer's route over gRPC-Web server streaming: <c>StreamAssignments</c> with the last version this
/// phone has, so a reconnect gets only what it missed. The last route is kept in localStorage, so the page still shows
/// it without a connection or after a reload. A refusal (wrong key, unknown volunteer) stops; anything else retries.
/// </summary>
public sealed class RouteFeed(DispatchClients clients, LocalStore store) : IAsyncDisposable
{
    private CancellationTokenSource? _running;

    public event Action? Changed;

    public Assignment? Current { get; private set; }

    public FeedState State { get; private set; } = FeedState.Connecting;

    public StatusCode? RefusedWith { get; private set; }

    /// <summary>When the route last changed version while this page was open (null before any change).</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    public async Task StartAsync(SignedIn volunteer)
    {
        await StopAsync();
        Current = null;
        UpdatedAt = null;
        State = FeedState.Connecting;
        string? saved = await store.GetAsync(StoreKey(volunteer));
        if (saved is not null)
        {
            Current = Assignment.Parser.ParseFrom(Convert.FromBase64String(saved));
        }

        _running = new CancellationTokenSource();
        _ = FollowAsync(volunteer, _running.Token);
        Changed?.Invoke();
    }

    public async Task StopAsync()
    {
        if (_running is { } running)
        {
            await running.CancelAsync();
            running.Dispose();
            _running = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private Task FollowAsync(SignedIn volunteer, CancellationToken cancellationToken) =>
        ServerStreamFollower.FollowAsync(
            ct => clients.Volunteers(volunteer.ApiKey).StreamAssignments(
                new StreamAssignmentsRequest { VolunteerId = volunteer.SubjectId, LastSeenVersion = Current?.Version ?? 0 }, cancellationToken: ct),
            async route =>
            {
                UpdatedAt = Current is null ? null : DateTimeOffset.UtcNow;
                Current = route;
                await store.SetAsync(StoreKey(volunteer), Convert.ToBase64String(route.ToByteArray()));
                Changed?.Invoke();
            },
            Set,
            liveOnHeaders: true,
            cancellationToken);

    private void Set(FeedState state, StatusCode? refusedWith = null)
    {
        State = state;
        RefusedWith = refusedWith ?? RefusedWith;
        Changed?.Invoke();
    }

    private static string StoreKey(SignedIn volunteer) => "dispatch.route." + volunteer.SubjectId;
}
