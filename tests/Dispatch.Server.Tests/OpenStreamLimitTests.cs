using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Dispatch.Server.Tests;

/// <summary>Health watches and reflection need no key, so together they have a limit (Limits:MaxOpenStreamsWithoutKey); one-off health checks do not.</summary>
public sealed class OpenStreamLimitTests : IDisposable
{
    private const int Limit = 3;
    private readonly DispatchServerFactory _server = new() { Settings = new Dictionary<string, string> { ["Limits:MaxOpenStreamsWithoutKey"] = "3" } };

    public void Dispose() => _server.Dispose();

    private Health.HealthClient Health() => new(_server.CreateInvoker(apiKey: null));

    private async Task<AsyncServerStreamingCall<HealthCheckResponse>> OpenWatchAsync()
    {
        var watch = Health().Watch(new HealthCheckRequest(), deadline: Deadlines.Soon);
        Assert.True(await watch.ResponseStream.MoveNext());
        return watch;
    }

    [Fact]
    public async Task Streams_without_a_key_beyond_the_limit_are_resource_exhausted_until_one_ends()
    {
        // Before, 2,000 health watches could be held open by anyone.
        var open = new List<IDisposable>();
        for (int i = 0; i < Limit - 1; i++)
        {
            open.Add(await OpenWatchAsync());
        }

        var reflection = new ServerReflection.ServerReflectionClient(_server.CreateInvoker(apiKey: null)).ServerReflectionInfo(deadline: Deadlines.Soon);
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await reflection.ResponseStream.MoveNext());
        open.Add(reflection);

        using var refused = Health().Watch(new HealthCheckRequest(), deadline: Deadlines.Soon);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await refused.ResponseStream.MoveNext());
        var check = await Health().CheckAsync(new HealthCheckRequest(), deadline: Deadlines.Soon);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("Limits:MaxOpenStreamsWithoutKey", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, check.Status);

        // A slot frees when its stream ends on the server: before the client hears the end, which is sent once the
        // server is done with the call.
        await reflection.RequestStream.CompleteAsync();
        Assert.False(await reflection.ResponseStream.MoveNext());
        open.Add(await OpenWatchAsync());

        open.ForEach(c => c.Dispose());
    }
}
