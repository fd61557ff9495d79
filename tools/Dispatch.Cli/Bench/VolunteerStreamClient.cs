using System.Diagnostics;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Cli.Bench;

/// <summary>
/// A volunteer holding their assignment stream open for the whole run; latency is from opening the stream to
/// the first route. A stream the server ends early, or any error, counts as an error.
/// </summary>
public sealed class VolunteerStreamClient(string volunteerId) : ILoadClient
{
    public string Kind => "volunteer stream";

    public async Task RunAsync(CallInvoker invoker, LoadTally tally, DateTime until, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(until - DateTime.UtcNow < TimeSpan.Zero ? TimeSpan.Zero : until - DateTime.UtcNow);
        long opened = Stopwatch.GetTimestamp();
        bool first = true;
        try
        {
            using var call = new Volunteers.VolunteersClient(invoker).StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId }, cancellationToken: stop.Token);
            await foreach (var assignment in call.ResponseStream.ReadAllAsync(stop.Token))
            {
                if (first)
                {
                    tally.Done(assignment.Trips.Sum(t => t.Stops.Count), Stopwatch.GetElapsedTime(opened));
                    first = false;
                }
            }

            tally.Failed($"volunteer {volunteerId}: the server ended the stream before the run was over");
        }
        catch (Exception e) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            if (first)
            {
                tally.Failed($"volunteer {volunteerId}: no route within the run");
            }
        }
        catch (RpcException e)
        {
            tally.Failed($"volunteer {volunteerId}: {e.StatusCode} {e.Status.Detail}");
        }
    }
}
