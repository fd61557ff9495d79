using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Components;

namespace Dispatch.Web.Shared;

/// <summary>
/// The server's gRPC services over gRPC-Web, at the address the app was loaded from, each call carrying the
/// signed-in key in <c>x-api-key</c>: the same API, keys and roles as every other client.
/// </summary>
public sealed class DispatchClients : IDisposable
{
    private readonly GrpcChannel _channel;

    public DispatchClients(NavigationManager navigation)
    {
        _channel = GrpcChannel.ForAddress(navigation.BaseUri, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()),
            MaxReceiveMessageSize = 8 * 1024 * 1024,
        });
    }

    public Volunteers.VolunteersClient Volunteers(string apiKey) => new(WithKey(apiKey));

    /// <summary>Calls that carry a token in the request instead of a key (redeeming a sign-in link, a household's order).</summary>
    public Volunteers.VolunteersClient VolunteersWithoutKey() => new(_channel);

    /// <summary>A household's calls: the order's token is in each request, no key.</summary>
    public Households.HouseholdsClient Households() => new(_channel);

    public Contracts.V1.Planning.PlanningClient Planning(string apiKey) => new(WithKey(apiKey));

    public OrderIntake.OrderIntakeClient Orders(string apiKey) => new(WithKey(apiKey));

    public void Dispose() => _channel.Dispose();

    private CallInvoker WithKey(string apiKey) => _channel.Intercept(headers =>
    {
        headers.Add("x-api-key", apiKey);
        return headers;
    });
}
