using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>Day 1 of the tiny district pushed and planned, for the live dispatch tests.</summary>
public static class DayOne
{
    /// <summary>Ten orders of two vegetable bundles (8 kg): two doors per 20 kg trip, so every volunteer gets trips.</summary>
    public static async Task<PlanSummary> PushAndPlanAsync(DispatchServerFactory server)
    {
        var intake = server.CreateIntakeClient();
        foreach (var grid in new[] { "L1-A", "L1-B" })
        {
            var batch = new OrderBatch { SupermarketId = grid == "L1-A" ? "SM1" : "SM2", BatchId = $"B-{grid}", GridId = grid, Day = 1 };
            for (int h = 1; h <= 5; h++)
            {
                var order = new OrderInput { OrderId = $"O-{grid}-{h}", HouseholdId = $"H-{grid}-{h}" };
                order.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 2 });
                batch.Orders.Add(order);
            }

            await intake.SubmitBatchAsync(batch, deadline: Deadlines.Soon);
        }

        PlanSummary? plan = null;
        using var call = server.CreatePlanningClient().PlanDistrictDay(new PlanDistrictDayRequest { DistrictId = "D1", Day = 1, ProbeBottleneck = false }, deadline: Deadlines.Soon);
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            plan = update.Plan ?? plan;
        }

        return plan!;
    }
}
