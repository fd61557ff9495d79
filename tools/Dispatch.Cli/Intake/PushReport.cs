using Spectre.Console;

namespace Dispatch.Cli.Intake;

/// <summary>Prints a push's summary, the first problems and what must be pushed again.</summary>
public static class PushReport
{
    private const int ProblemsShown = 20;

    public static void Write(PushSummary summary, int ordersSent, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("pushed", "count");
        table.AddRow("batches answered", summary.BatchesAnswered.ToString("N0"));
        table.AddRow("orders accepted", summary.OrdersAccepted.ToString("N0"));
        table.AddRow("orders rejected", summary.OrdersRejected.ToString("N0"));
        table.AddRow("batches refused whole", summary.BatchesRefused.ToString("N0"));
        table.AddRow("batches already stored (replayed)", summary.BatchesReplayed.ToString("N0"));
        table.AddRow("batches not acknowledged", summary.UnacknowledgedBatchIds.Count.ToString("N0"));
        table.AddRow("time", $"{elapsed.TotalSeconds:F1} s ({ordersSent / Math.Max(elapsed.TotalSeconds, 0.001):N0} orders/s)");
        AnsiConsole.Write(table);

        foreach (var answer in summary.AnswersWithProblems.Take(ProblemsShown))
        {
            foreach (var violation in answer.BatchViolations)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]batch {answer.BatchId} refused[/]: {violation.Field}: {violation.Description}");
            }

            foreach (var rejection in answer.Rejected)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]batch {answer.BatchId} order {rejection.OrderId}[/]: {rejection.Field}: {rejection.Reason}");
            }
        }

        if (summary.StreamFailure is { StatusCode: Grpc.Core.StatusCode.Unauthenticated or Grpc.Core.StatusCode.PermissionDenied } refused)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]refused: {refused.StatusCode} {refused.Detail}[/]; check --api-key (or DISPATCH_API_KEY): a supermarket's key pushes only that supermarket's batches.");
        }
        else if (summary.StreamFailure is { } failure)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]stream ended early: {failure.StatusCode} {failure.Detail}[/]; push the same file again: acknowledged batches are answered from the first answer, the rest are stored.");
        }
    }
}
