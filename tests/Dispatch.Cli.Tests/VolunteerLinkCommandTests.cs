using Dispatch.Cli.Tests.Infrastructure;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Cli.Tests;

/// <summary>`dispatch volunteer link`: a gate leader's one-time link for a volunteer's phone.</summary>
public sealed class VolunteerLinkCommandTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task A_planner_gets_a_link_on_stdout_that_redeems_once_for_that_volunteer()
    {
        var result = await DispatchCli.RunAsync(["volunteer", "link", "--server", server.HostAndPort, "--id", "VOL0001"], apiKey: CliServer.PlannerKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        string link = result.Stdout.Trim();
        Assert.DoesNotContain('\n', link);
        var uri = new Uri(link);
        Assert.Equal("/volunteer", uri.AbsolutePath);
        Assert.StartsWith("?link=", uri.Query);
        Assert.Contains("works once", result.Stderr);

        using var channel = GrpcChannel.ForAddress(server.Address);
        var volunteers = new Volunteers.VolunteersClient(channel);
        var redeemed = await volunteers.RedeemSignInLinkAsync(new RedeemSignInLinkRequest { Token = uri.Query["?link=".Length..] });
        Assert.Equal("VOL0001", redeemed.VolunteerId);
        var again = await Assert.ThrowsAsync<RpcException>(() => volunteers.RedeemSignInLinkAsync(new RedeemSignInLinkRequest { Token = uri.Query["?link=".Length..] }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task A_supermarket_key_is_refused_with_exit_code_4()
    {
        var result = await DispatchCli.RunAsync(["volunteer", "link", "--server", server.Address, "--id", "VOL0001"], apiKey: CliServer.Sm1Key);

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Stdout.Trim());
    }
}
