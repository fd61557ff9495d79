using Dispatch.Contracts.V1;
using Grpc.Core;
using Spectre.Console;

namespace Dispatch.Cli.Planning;

/// <summary>Asks a server to plan a district day (PlanDistrictDay) and returns the stored plan's summary, the last message of its stream.</summary>
public static class RemotePlanning
{
    /// <summary>With a progress bar per planning stage, from the stream's progress messages.</summary>
    public static async Task<PlanSummary?> PlanAsync(Contracts.V1.Planning.PlanningClient client, PlanDistrictDayRequest request, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await PlanWithLinesAsync(client, request, cancellationToken);
        }

        PlanSummary? plan = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                plan = await ReadAsync(client, request, p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        tasks[p.Stage] = task = context.AddTask($"planning: {p.Stage}", maxValue: Math.Max(1, p.Total));
                    }

                    task.Value = p.Done;
                }, cancellationToken);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            });
        return plan;
    }

    // Piped or logged output gets one line per stage as it starts and ends: a live bar there renders late or not at all.
    private static async Task<PlanSummary?> PlanWithLinesAsync(Contracts.V1.Planning.PlanningClient client, PlanDistrictDayRequest request, CancellationToken cancellationToken)
    {
        string? current = null;
        StageProgress? last = null;
        var plan = await ReadAsync(client, request, p =>
        {
            if (p.Stage != current)
            {
                if (last is not null)
                {
                    Console.WriteLine($"planning: {last.Stage} done");
                }

                current = p.Stage;
                Console.WriteLine($"planning: {p.Stage} ({p.Total})");
            }

            last = p;
        }, cancellationToken);
        if (last is not null)
        {
            Console.WriteLine($"planning: {last.Stage} done");
        }

        return plan;
    }

    /// <summary>Without any display (for <c>--json</c>).</summary>
    public static Task<PlanSummary?> PlanQuietlyAsync(Contracts.V1.Planning.PlanningClient client, PlanDistrictDayRequest request, CancellationToken cancellationToken) =>
        ReadAsync(client, request, _ => { }, cancellationToken);

    private static async Task<PlanSummary?> ReadAsync(
        Contracts.V1.Planning.PlanningClient client, PlanDistrictDayRequest request, Action<StageProgress> onProgress, CancellationToken cancellationToken)
    {
        PlanSummary? plan = null;
        using var call = client.PlanDistrictDay(request, cancellationToken: cancellationToken);
        await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (update.UpdateCase == PlanDistrictDayUpdate.UpdateOneofCase.Progress)
            {
                onProgress(update.Progress);
            }
            else
            {
                plan = update.Plan;
            }
        }

        return plan;
    }
}
