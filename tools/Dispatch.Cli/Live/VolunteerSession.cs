using Dispatch.Cli.Hosting;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Spectre.Console;

namespace Dispatch.Cli.Live;

/// <summary>
/// Follows a volunteer's route (reconnecting with the last version seen when the server goes away) and runs the
/// volunteer's commands against it: start, deliver, fail, pickup, available, unavailable, wait-version, quit.
/// Following fails (throws) when the server cannot be reached before any route came, or refuses the stream.
/// </summary>
internal sealed class VolunteerSession(Volunteers.VolunteersClient client, string volunteerId, Metadata headers, bool render)
{
    private readonly VersionWatch _seen = new();
    private volatile Assignment? _latest;

    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                int lastSeen = _seen.Version;
                using var call = client.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId, LastSeenVersion = lastSeen }, headers, cancellationToken: cancellationToken);
                await foreach (var assignment in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    backoff = TimeSpan.FromMilliseconds(250);
                    Show(assignment);
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal && !cancellationToken.IsCancellationRequested
                && !(KeyedChannel.CouldNotConnect(e) && _seen.Version == 0))
            {
                Console.WriteLine($"stream ended ({e.StatusCode}: {e.Status.Detail}); reconnecting");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(backoff, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }

    /// <summary>Runs one command line; false on quit.</summary>
    public async Task<bool> RunAsync(string line, CancellationToken cancellationToken)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return true;
        }

        try
        {
            switch (words[0].ToLowerInvariant())
            {
                case "quit" or "exit":
                    return false;
                case "start" when words.Length == 2 && int.TryParse(words[1], out int trip):
                    var started = await client.StartTripAsync(new StartTripRequest { VolunteerId = volunteerId, TripNumber = trip }, headers, Deadline(), cancellationToken);
                    Console.WriteLine($"trip {trip} left the gate: {started.Orders.Count} orders out for delivery{(started.Replayed ? " (already started)" : string.Empty)}, plan v{started.PlanVersion}");
                    break;
                case "pickup" when words.Length == 3:
                    var pickup = await client.ConfirmPickupAsync(new ConfirmPickupRequest { VolunteerId = volunteerId, OrderId = words[1], ConfirmationCode = words[2] }, headers, Deadline(), cancellationToken);
                    Console.WriteLine($"{words[1]}: picked up{(pickup.Replayed ? " (already confirmed)" : string.Empty)}, plan v{pickup.PlanVersion}");
                    break;
                case "deliver" when words.Length == 3:
                    Report(await client.ReportStopAsync(new ReportStopRequest { VolunteerId = volunteerId, DeliveryId = words[1], Delivered = new Delivered { ConfirmationCode = words[2] } }, headers, Deadline(), cancellationToken));
                    break;
                case "fail" when words.Length == 3 && ParseReason(words[2]) is { } reason:
                    Report(await client.ReportStopAsync(new ReportStopRequest { VolunteerId = volunteerId, DeliveryId = words[1], Failed = new Failed { Reason = reason } }, headers, Deadline(), cancellationToken));
                    break;
                case "available" or "unavailable":
                    var availability = await client.SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = volunteerId, Available = words[0] == "available" }, headers, Deadline(), cancellationToken);
                    Console.WriteLine($"{(availability.Available ? "available" : "not available")}: plan v{availability.PlanVersion}");
                    break;
                case "wait-version" when words.Length == 2 && int.TryParse(words[1], out int version):
                    Console.WriteLine(await _seen.WaitForAsync(version, TimeSpan.FromSeconds(30), cancellationToken) ? $"at version {_seen.Version}" : $"timed out waiting for version {version}");
                    break;
                case "show":
                    if (_latest is not null)
                    {
                        AnsiConsole.Write(RouteView.Render(_latest));
                    }

                    break;
                default:
                    Console.WriteLine("commands: start <trip> | deliver <delivery> <code> | fail <delivery> no-answer|wrong-address|refused|damaged | pickup <order> <code> | available | unavailable | wait-version <n> | show | quit");
                    break;
            }
        }
        catch (RpcException e)
        {
            Console.WriteLine($"refused: {e.StatusCode}: {e.Status.Detail}");
        }

        return true;
    }

    private void Show(Assignment assignment)
    {
        _latest = assignment;
        _seen.Saw(assignment.Version);

        if (render)
        {
            AnsiConsole.Write(RouteView.Render(assignment));
        }

        Console.WriteLine($"version {assignment.Version}: {assignment.Trips.Count} trips, {assignment.Trips.Sum(t => t.Stops.Count)} doors");
    }

    private static void Report(ReportStopResult result) =>
        Console.WriteLine($"{result.DeliveryId}: {result.State.ToString().ToLowerInvariant()}{(result.Replayed ? " (already reported)" : string.Empty)}, plan v{result.PlanVersion}");

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);

    private static FailureReason? ParseReason(string word) => word.ToLowerInvariant() switch
    {
        "no-answer" => FailureReason.NoAnswer,
        "wrong-address" => FailureReason.WrongAddress,
        "refused" => FailureReason.Refused,
        "damaged" or "goods-damaged" => FailureReason.GoodsDamaged,
        _ => null,
    };
}
