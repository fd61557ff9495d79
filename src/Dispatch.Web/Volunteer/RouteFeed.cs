using Dispatch.Contracts.V1;
using Dispatch.Web.Shared;
using Google.Protobuf;

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
public sealed class RouteFeed(DispatchClients clients, LocalStore store) : StreamFeed<Assignment>
{
    /// <summary>When the route last changed version while this page was open (null before any change).</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    public async Task StartAsync(SignedIn volunteer)
    {
        await StopAsync();
        Current = null;
        UpdatedAt = null;
        string? saved = await store.GetAsync(StoreKey(volunteer));
        if (saved is not null)
        {
            Current = Assignment.Parser.ParseFrom(Convert.FromBase64String(saved));
        }

        Follow(ct => FollowAsync(volunteer, ct));
    }

    private Task FollowAsync(SignedIn volunteer, CancellationToken cancellationToken) =>
        ServerStreamFollower.FollowAsync(
            ct => clients.Volunteers(volunteer.ApiKey).StreamAssignments(
                new StreamAssignmentsRequest { VolunteerId = volunteer.SubjectId, LastSeenVersion = Current?.Version ?? 0 }, cancellationToken: ct),
            async route =>
            {
                UpdatedAt = Current is null ? null : DateTimeOffset.UtcNow;
                Current = route;
                await store.SetAsync(StoreKey(volunteer), Convert.ToBase64String(route.ToByteArray()));
                NotifyChanged();
            },
            Set,
            liveOnHeaders: true,
            cancellationToken);

    private static string StoreKey(SignedIn volunteer) => "dispatch.route." + volunteer.SubjectId;
}
