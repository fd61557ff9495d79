using System.Net.Sockets;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Dispatch.Server.Tests;

/// <summary>Connections are limited (Limits:MaxConnections): past the limit Kestrel closes a new connection at once, before reading anything.</summary>
public sealed class ConnectionLimitTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(["--Limits:MaxConnections=2"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<TcpClient> ConnectAsync()
    {
        var uri = new Uri(_server.Address);
        var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        return client;
    }

    /// <summary>True when the server closed the connection (end of stream) within the time given; false when it kept it open.</summary>
    private static async Task<bool> ClosedByServerAsync(TcpClient client, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await client.GetStream().ReadAsync(new byte[64], timeout.Token) == 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    [Fact]
    public async Task A_connection_past_the_limit_is_closed_at_once_and_one_is_served_again_when_a_slot_frees()
    {
        using var first = await ConnectAsync();
        using var second = await ConnectAsync();
        using var third = await ConnectAsync();

        // Generous: on a loaded machine Kestrel may take a while to accept it at all.
        Assert.True(await ClosedByServerAsync(third, TimeSpan.FromSeconds(30)));
        Assert.False(await ClosedByServerAsync(second, TimeSpan.FromMilliseconds(300)));

        first.Dispose();
        second.Dispose();
        using var channel = GrpcChannel.ForAddress(_server.Address);
        var health = new Health.HealthClient(channel);

        // The server notices the closed connections when it reads their end: a new call succeeds once it has.
        HealthCheckResponse? answer = null;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (answer is null)
        {
            try
            {
                answer = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: deadline.Token);
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Unavailable && !deadline.IsCancellationRequested)
            {
            }
        }

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }
}
