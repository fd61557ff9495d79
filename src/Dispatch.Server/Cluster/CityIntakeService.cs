using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using OrderBatch = Dispatch.Contracts.V1.OrderBatch;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Services;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace Dispatch.Server.Cluster;

/// <summary>
/// Intake on any silo of the city: each batch goes to the district of its grid (grid ids are unique in a city), whose
/// grain stores it; answers keep request order. GetOrder and ListOrders are not served in cluster mode (UNIMPLEMENTED).
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
