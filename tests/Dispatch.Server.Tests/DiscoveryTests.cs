using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Dispatch.Server.Tests;

public sealed class DiscoveryTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Health_service_reports_serving()
    {
        var health = new Health.HealthClient(_server.CreateChannel());

        var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: Deadlines.Soon);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_lists_the_order_intake_service()
    {
        var reflection = new ServerReflection.ServerReflectionClient(_server.CreateChannel());
        using var call = reflection.ServerReflectionInfo(deadline: Deadlines.Soon);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("dispatch.v1.OrderIntake", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
