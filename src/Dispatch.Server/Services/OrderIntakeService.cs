using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Intake;
using Dispatch.Server.Mapping;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>Supermarkets push order batches and ask what happened to each order.</summary>
public sealed class OrderIntakeService(BatchIntake intake, OrderLookup lookup) : OrderIntake.OrderIntakeBase
{
    public override async Task<BatchResult> SubmitBatch(Contracts.V1.OrderBatch request, ServerCallContext context)
    {
        context.GetCaller().EnsureSupermarket(request.SupermarketId);
        var result = await intake.SubmitAsync(IntakeMapping.ToDomain(request), context.CancellationToken);
        return IntakeMapping.ToProto(result.Receipt, result.Replayed);
    }

    // Validation of the next batches overlaps the write of the current one.
    public override Task PushOrders(IAsyncStreamReader<Contracts.V1.OrderBatch> requestStream, IServerStreamWriter<BatchResult> responseStream, ServerCallContext context) =>
        BatchPushPipeline.RunAsync(requestStream, responseStream, context, batch => AnswerAsync(batch, context.CancellationToken));

    private async Task<BatchResult> AnswerAsync(Contracts.V1.OrderBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var result = await intake.SubmitAsync(IntakeMapping.ToDomain(batch), cancellationToken);
            return IntakeMapping.ToProto(result.Receipt, result.Replayed);
        }
        catch (InvalidRequestException invalid)
        {
            // One bad batch must not end a stream of hundreds: it is answered, nothing of it stored.
            var answer = new BatchResult { SupermarketId = IdText.Quote(batch.SupermarketId), BatchId = IdText.Quote(batch.BatchId) };
            answer.BatchViolations.AddRange(invalid.Violations.Select(v => new Contracts.V1.FieldViolation { Field = v.Field, Description = v.Description }));
            return answer;
        }
    }

    public override Task<Contracts.V1.Order> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        lookup.GetAsync(request, context.GetCaller(), context.CancellationToken);

    public override Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context) =>
        lookup.ListAsync(request, context.GetCaller(), context.CancellationToken);
}
