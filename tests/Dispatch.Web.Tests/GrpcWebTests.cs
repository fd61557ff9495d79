using Dispatch.Contracts.V1;
using Dispatch.Web.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;

namespace Dispatch.Web.Tests;

/// <summary>The browser endpoint speaks gRPC-Web over HTTP/1.1 for the same services, keys and roles as gRPC.</summary>
[Collection(SeededDayCollection.Name)]
public sealed class GrpcWebTests(SeededDay day)
{
    private GrpcChannel WebChannel(GrpcWebMode mode) => GrpcChannel.ForAddress(day.WebAddress, new GrpcChannelOptions
    {
        HttpHandler = new GrpcWebHandler(mode, new HttpClientHandler()),
        HttpVersion = System.Net.HttpVersion.Version11,
        HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    });

    private static CallInvoker WithKey(GrpcChannel channel, string? key) => channel.Intercept(headers =>
    {
        if (key is not null)
        {
            headers.Add("x-api-key", key);
        }

        return headers;
    });

    [Theory]
    [InlineData(GrpcWebMode.GrpcWeb)]
    [InlineData(GrpcWebMode.GrpcWebText)]
    public async Task A_volunteer_key_streams_its_route_over_grpc_web_on_http1(GrpcWebMode mode)
    {
        string volunteerId = day.Plan.Version > 0 ? FirstRoutedVolunteer() : throw new InvalidOperationException("no plan");
        using var channel = WebChannel(mode);
        var client = new Volunteers.VolunteersClient(WithKey(channel, SeededDay.VolunteerKey(volunteerId)));

        using var call = client.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId }, deadline: Deadlines.Soon);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var route = call.ResponseStream.Current;
        Assert.Equal(volunteerId, route.VolunteerId);
        Assert.NotEmpty(route.Trips);
        Assert.Equal((await day.RouteOfAsync(volunteerId)).Version, route.Version);
    }

    [Fact]
    public async Task Over_grpc_web_a_missing_key_is_unauthenticated_and_another_volunteers_route_is_denied()
    {
        string volunteerId = FirstRoutedVolunteer();
        string other = day.Scenario.Volunteers.First(v => v.Id != volunteerId).Id;
        using var channel = WebChannel(GrpcWebMode.GrpcWeb);

        var anonymous = new Volunteers.VolunteersClient(WithKey(channel, null));
        var noKey = await Assert.ThrowsAsync<RpcException>(() => anonymous.StartTripAsync(new StartTripRequest { VolunteerId = volunteerId, TripNumber = 1 }, deadline: Deadlines.Soon).ResponseAsync);
        var asOther = new Volunteers.VolunteersClient(WithKey(channel, SeededDay.VolunteerKey(other)));
        var denied = await Assert.ThrowsAsync<RpcException>(() => asOther.StartTripAsync(new StartTripRequest { VolunteerId = volunteerId, TripNumber = 1 }, deadline: Deadlines.Soon).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, noKey.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task The_browser_endpoint_serves_the_app_compressed_and_its_paths_with_index_html()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });
        using var request = new HttpRequestMessage(HttpMethod.Get, day.WebAddress + "/volunteer");
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var page = await http.SendAsync(request);
        using var missing = await http.GetAsync(day.WebAddress + "/no-such-file.js");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("br", page.Content.Headers.ContentEncoding);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    private string FirstRoutedVolunteer() =>
        day.PlanningClient().GetGatePlan(new GetGatePlanRequest { DistrictId = day.Scenario.District.Id, Day = SeededDay.Day, GateId = GateWithDoors() }, deadline: Deadlines.Soon)
            .DoorRoutes.First(r => r.Trips.Count > 0).VolunteerId;

    private string GateWithDoors() => day.Plan.Gates.First(g => g.VolunteersRouted > 0).GateId;
}
