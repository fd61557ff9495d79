using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Order = Dispatch.Contracts.V1.Order;
using OrderBatch = Dispatch.Contracts.V1.OrderBatch;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Mapping;
using Dispatch.Server.Services;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace Dispatch.Server.Cluster;

/// <summary>
/// Intake on any silo of the city: each batch goes to the district of its grid (grid ids are unique in a city), whose
/// grain stores it; answers keep request order. An order is looked up in every district (its id does not name one);
/// a listing merges the districts' pages in order id order.
/// </summary>
public sealed class CityIntakeService(CityMap city, IGrainFactory grains) : OrderIntake.OrderIntakeBase
{
    public override async Task<BatchResult> SubmitBatch(OrderBatch request, ServerCallContext context)
    {
        context.GetCaller().EnsureSupermarket(request.SupermarketId);
        var (districtId, grain) = DistrictOf(request);
        return await DistrictCall.SendAsync(districtId, () => grain.SubmitBatch(request.ToByteArray()), BatchResult.Parser);
    }

    public override Task PushOrders(IAsyncStreamReader<OrderBatch> requestStream, IServerStreamWriter<BatchResult> responseStream, ServerCallContext context) =>
        BatchPushPipeline.RunAsync(requestStream, responseStream, context, AnswerAsync);

    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        RequestChecks.Id("order_id", request.OrderId, RequestChecks.MaxComposedIdLength);
        var caller = DistrictCaller.From(context.GetCaller());
        byte[] asked = request.ToByteArray();
        var answers = await AskAsync(city.Districts.Select(d => d.District.Id.ToString()), grain => grain.GetOrder(asked, caller));
        var found = answers.Where(a => a.Answer.Message is not null).ToList();
        if (found.Count > 1)
        {
            throw new PreconditionFailedException(
                $"order id '{IdText.Quote(request.OrderId)}' was used in {found.Count} districts ({string.Join(", ", found.Take(5).Select(f => f.DistrictId))}): a supermarket's order ids must be unique across the city");
        }

        if (found.Count == 1)
        {
            return Order.Parser.ParseFrom(found[0].Answer.Message);
        }

        // Nowhere: the refusal that is about the request itself (a bad id) before "not found".
        var refusals = answers.Select(a => Google.Rpc.Status.Parser.ParseFrom(a.Answer.Refusal)).ToList();
        throw (refusals.FirstOrDefault(r => r.Code != (int)Code.NotFound) ?? refusals.First()).ToRpcException();
    }

    public override async Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        var caller = DistrictCaller.From(context.GetCaller());
        byte[] asked = request.ToByteArray();
        var districts = request.GridId.Length > 0 && city.DistrictOfGrid(request.GridId) is { } gridDistrict
            ? [gridDistrict.ToString()]
            : city.Districts.Select(d => d.District.Id.ToString()).ToList();
        var answers = await AskAsync(districts, grain => grain.ListOrders(asked, caller));
        var pages = answers.Select(a => DistrictCall.Read(a.Answer, ListOrdersResponse.Parser)).ToList();

        // Each district answered its first page after the token; the city's page is the first of them all.
        int pageSize = request.PageSize == 0 ? OrderLookup.DefaultPageSize : Math.Min(request.PageSize, OrderLookup.MaxPageSize);
        var merged = pages.SelectMany(p => p.Orders).OrderBy(o => o.OrderRef, StoredIdOrder.Instance).ToList();
        var page = merged.Take(pageSize).ToList();
        bool more = merged.Count > pageSize || pages.Any(p => p.NextPageToken.Length > 0);
        var response = new ListOrdersResponse { NextPageToken = more && page.Count > 0 ? PageToken.Encode(page[^1].OrderRef) : string.Empty };
        response.Orders.AddRange(page);
        return response;
    }

    private async Task<List<(string DistrictId, GrainAnswer Answer)>> AskAsync(IEnumerable<string> districts, Func<IDistrictGrain, Task<GrainAnswer>> ask) =>
        [.. await Task.WhenAll(districts.Select(async id => (id, await DistrictCall.Reach(id, () => ask(grains.GetGrain<IDistrictGrain>(id))))))];

    // One bad batch must not end a stream of hundreds: it is answered with its violations, nothing of it stored.
    private async Task<BatchResult> AnswerAsync(OrderBatch batch)
    {
        string districtId;
        IDistrictGrain grain;
        try
        {
            (districtId, grain) = DistrictOf(batch);
        }
        catch (InvalidRequestException invalid)
        {
            return Refused(batch, invalid.Violations.Select(v => (v.Field, v.Description)));
        }

        var answer = await DistrictCall.Reach(districtId, () => grain.SubmitBatch(batch.ToByteArray()));

        if (answer.Refusal is { } refusal && Google.Rpc.Status.Parser.ParseFrom(refusal) is { Code: (int)Code.InvalidArgument } status)
        {
            var violations = status.GetDetail<BadRequest>()?.FieldViolations.Select(v => (v.Field, v.Description)) ?? [("batch", status.Message)];
            return Refused(batch, violations);
        }

        return DistrictCall.Read(answer, BatchResult.Parser);
    }

    private static BatchResult Refused(OrderBatch batch, IEnumerable<(string Field, string Description)> violations)
    {
        var answer = new BatchResult { SupermarketId = IdText.Quote(batch.SupermarketId), BatchId = IdText.Quote(batch.BatchId) };
        answer.BatchViolations.AddRange(violations.Select(v => new Contracts.V1.FieldViolation { Field = v.Field, Description = v.Description }));
        return answer;
    }

    private (string DistrictId, IDistrictGrain Grain) DistrictOf(OrderBatch batch)
    {
        RequestChecks.Id("grid_id", batch.GridId);
        var district = city.DistrictOfGrid(batch.GridId)
            ?? throw new InvalidRequestException("grid_id", $"grid '{batch.GridId}' is in no district of city '{city.City.Id}'");
        return (district.ToString(), grains.GetGrain<IDistrictGrain>(district.ToString()));
    }
}
