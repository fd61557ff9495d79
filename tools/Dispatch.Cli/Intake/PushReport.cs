using Dispatch.Cli.Commands;
using Grpc.Core;
using Spectre.Console;

namespace Dispatch.Cli.Intake;

/// <summary>Tells a push's outcome: the summary, the first problems, and (as the command's failure) why the stream ended early.</summary>
public static class PushReport
{
    private const int ProblemsShown = 20;

    public static void Write(PushSummary summary, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("pushed", "count");
        table.AddRow("batches answered", summary.BatchesAnswered.ToString("N0"));
        table.AddRow("orders accepted", summary.OrdersAccepted.ToString("N0"));
        table.AddRow("orders rejected", summary.OrdersRejected.ToString("N0"));
        table.AddRow("batches refused whole", summary.BatchesRefused.ToString("N0"));
        table.AddRow("batches already stored (replayed)", summary.BatchesReplayed.ToString("N0"));
        table.AddRow("batches not acknowledged", summary.UnacknowledgedBatchIds.Count.ToString("N0"));

        // A rate over nothing stored would only mislead.
        table.AddRow("time", summary.OrdersAccepted > 0
            ? $"{elapsed.TotalSeconds:F1} s ({OrdersPerSecond(summary, elapsed):N0} orders accepted/s)"
            : $"{elapsed.TotalSeconds:F1} s");
        AnsiConsole.Write(table);

        foreach (var problem in Problems(summary).Take(ProblemsShown))
        {
            if (problem.OrderId is null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]batch {problem.BatchId} refused[/]: {problem.Field}: {problem.Reason}");
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]batch {problem.BatchId} order {problem.OrderId}[/]: {problem.Field}: {problem.Reason}");
            }
        }
    }

    /// <summary>The summary as the document <c>push --json</c> prints.</summary>
    public static object ToJson(PushSummary summary, TimeSpan elapsed) => new
    {
        summary.BatchesAnswered,
        summary.OrdersAccepted,
        summary.OrdersRejected,
        summary.BatchesRefused,
        summary.BatchesReplayed,
        summary.UnacknowledgedBatchIds,
        Seconds = Math.Round(elapsed.TotalSeconds, 3),
        OrdersAcceptedPerSecond = summary.OrdersAccepted > 0 ? Math.Round(OrdersPerSecond(summary, elapsed)) : (double?)null,
        Problems = Problems(summary),
        StreamFailure = summary.StreamFailure is { } failure ? new { Code = failure.StatusCode.ToString(), failure.Detail } : null,
    };

    /// <summary>
    /// A stream that ended early is the command's failure: nothing answered and no refusal means the server was not
    /// reached (told by <see cref="CommandInvocation"/>); a refusal names what to change.
    /// </summary>
    public static void ThrowIfFailed(PushSummary summary, IReadOnlyList<string> fileSupermarkets, string? chosenSupermarket)
    {
        if (summary.StreamFailure is not { } failure)
        {
            return;
        }

        string answered = summary.BatchesAnswered == 0
            ? "nothing was stored"
            : $"{summary.BatchesAnswered:N0} batches were answered before it; push the same file again to finish (answered ones replay)";
        if (failure.StatusCode == StatusCode.PermissionDenied)
        {
            string advice = chosenSupermarket is null && fileSupermarkets.Count > 1
                ? $"the file holds batches of {fileSupermarkets.Count} supermarkets ({string.Join(", ", fileSupermarkets)}): push your key's own with --supermarket ID"
                : chosenSupermarket is not null
                    ? $"is the key {chosenSupermarket}'s? give it with --api-key or ${ApiKeyOption.EnvironmentVariable}, or choose the key's supermarket with --supermarket"
                    : $"give that supermarket's key with --api-key or ${ApiKeyOption.EnvironmentVariable}";
            throw new CommandFailedException($"refused: {failure.Detail}; {advice}; {answered}", Exit.Refused);
        }

        if (summary.BatchesAnswered == 0)
        {
            throw new RpcException(failure);
        }

        throw new CommandFailedException($"the stream ended early: {failure.StatusCode}: {failure.Detail}; {answered}", Exit.Failed);
    }

    private static double OrdersPerSecond(PushSummary summary, TimeSpan elapsed) => summary.OrdersAccepted / Math.Max(elapsed.TotalSeconds, 0.001);

    private static List<PushProblem> Problems(PushSummary summary) =>
        summary.AnswersWithProblems.SelectMany(answer =>
            answer.BatchViolations.Select(v => new PushProblem(answer.BatchId, null, v.Field, v.Description))
                .Concat(answer.Rejected.Select(r => new PushProblem(answer.BatchId, r.OrderId, r.Field, r.Reason))))
            .ToList();

    private sealed record PushProblem(string BatchId, string? OrderId, string Field, string Reason);
}
