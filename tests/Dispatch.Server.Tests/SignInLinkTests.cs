using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>One-time sign-in links: made by planners, redeemed once without a key for a durable volunteer key, expiring.</summary>
public sealed class SignInLinkTests
{
    private static async Task<SignInLink> LinkAsync(DispatchServerFactory server, string volunteerId = "V1") =>
        await server.CreateVolunteersClient(TestKeys.Planner).CreateSignInLinkAsync(new CreateSignInLinkRequest { VolunteerId = volunteerId }, deadline: Deadlines.Soon);

    private static async Task<RedeemedSignIn> RedeemAsync(DispatchServerFactory server, string token) =>
        await server.CreateVolunteersClient(apiKey: null).RedeemSignInLinkAsync(new RedeemSignInLinkRequest { Token = token }, deadline: Deadlines.Soon);

    [Fact]
    public async Task A_link_redeems_once_for_a_key_of_that_volunteer_that_still_works_after_a_restart()
    {
        string folder = DispatchServerFactory.NewFolder();
        string key;
        using (var first = DispatchServerFactory.OnFolder(folder))
        {
            first.KeepFolder = true;
            var link = await LinkAsync(first);
            Assert.Equal("/volunteer?link=" + link.Token, link.Path);
            Assert.Equal(first.Clock.GetUtcNow().AddHours(24), link.ExpiresAt.ToDateTimeOffset());

            var redeemed = await RedeemAsync(first, link.Token);
            Assert.Equal("V1", redeemed.VolunteerId);
            key = redeemed.ApiKey;

            var again = await Assert.ThrowsAsync<RpcException>(() => RedeemAsync(first, link.Token));
            Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
            Assert.Contains("already used", again.Status.Detail);
        }

        using var second = DispatchServerFactory.OnFolder(folder);
        await AssertIsVolunteerKeyOfV1Async(second, key);
        var afterRestart = await Assert.ThrowsAsync<RpcException>(() => RedeemAsync(second, "A" + key[1..]));
        Assert.Equal(StatusCode.NotFound, afterRestart.StatusCode);
    }

    [Fact]
    public async Task A_link_past_its_hours_is_refused_and_issues_no_key()
    {
        using var server = new DispatchServerFactory();
        var link = await LinkAsync(server);
        server.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        var refused = await Assert.ThrowsAsync<RpcException>(() => RedeemAsync(server, link.Token));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("expired", refused.Status.Detail);
    }

    [Theory]
    [InlineData(TestKeys.Volunteer)]
    [InlineData(TestKeys.Sm1)]
    [InlineData(TestKeys.TruckDriver)]
    public async Task Only_planner_and_admin_keys_make_links(string key)
    {
        using var server = new DispatchServerFactory();

        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            server.CreateVolunteersClient(key).CreateSignInLinkAsync(new CreateSignInLinkRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            server.CreateVolunteersClient(apiKey: null).CreateSignInLinkAsync(new CreateSignInLinkRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal("V1", (await server.CreateVolunteersClient(TestKeys.Admin).CreateSignInLinkAsync(new CreateSignInLinkRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon)).VolunteerId);
    }

    [Fact]
    public async Task A_link_for_an_unknown_volunteer_is_not_made()
    {
        using var server = new DispatchServerFactory();

        var refused = await Assert.ThrowsAsync<RpcException>(() => LinkAsync(server, "V-nobody"));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has spaces has spaces has spaces has spaces")]
    public async Task A_token_that_cannot_be_one_is_invalid_argument_before_any_lookup(string token)
    {
        using var server = new DispatchServerFactory();

        var refused = await Assert.ThrowsAsync<RpcException>(() => RedeemAsync(server, token));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.DoesNotContain(token.Length > 0 ? token : "\u0001", refused.Status.Detail);
    }

    [Fact]
    public async Task Guessing_tokens_is_cut_off_after_the_per_minute_limit()
    {
        using var server = new DispatchServerFactory { Settings = new Dictionary<string, string> { ["Limits:TokenCallsPerMinute"] = "3" } };
        string guess = new('x', 43);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => RedeemAsync(server, guess))).StatusCode);
        }

        var limited = await Assert.ThrowsAsync<RpcException>(() => RedeemAsync(server, guess));

        Assert.Equal(StatusCode.ResourceExhausted, limited.StatusCode);
        Assert.Contains("TokenCallsPerMinute", limited.Status.Detail);
    }

    /// <summary>The key acts as volunteer V1: V1's own calls pass the role check, another volunteer's are refused by subject.</summary>
    private static async Task AssertIsVolunteerKeyOfV1Async(DispatchServerFactory server, string key)
    {
        var client = server.CreateVolunteersClient(key);
        var other = await Assert.ThrowsAsync<RpcException>(() => client.SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = "V2", Available = true }, deadline: Deadlines.Soon).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Contains("volunteer 'V1'", other.Status.Detail);

        // V1 itself gets past authentication and the subject check; with no live day yet the live dispatch says so.
        var own = await Assert.ThrowsAsync<RpcException>(() => client.SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = "V1", Available = true }, deadline: Deadlines.Soon).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, own.StatusCode);
        var staffOnly = await Assert.ThrowsAsync<RpcException>(() => client.CreateSignInLinkAsync(new CreateSignInLinkRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, staffOnly.StatusCode);
    }
}
