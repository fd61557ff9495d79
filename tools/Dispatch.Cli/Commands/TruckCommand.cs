using System.CommandLine;
using System.Runtime.CompilerServices;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Live;
using Dispatch.Contracts.V1;
using Grpc.Core;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>dispatch truck</c>: a driver's live trips in the terminal, re-drawn per version, departures from the
/// supermarket (<c>depart TRIP [HH:MM]</c>) and arrivals at gates (<c>arrive GATE LOAD HH:MM</c>), typed, piped on
/// stdin, or given as a script.
/// </summary>
public static class TruckCommand
{
    public static Command Create()
    {
        var server = ServerOption.Create();
        var id = new Option<string>("--id") { Description = "Truck id", Required = true };
        var apiKey = ApiKeyOption.Create();
        var script = new Option<string?>("--script") { Description = "Commands separated by ';', e.g. \"wait-version 1; depart 1 09:00; arrive G1 L-1 09:40; quit\"" };
        var command = new Command("truck", "Follow a truck's live trips and report departures and arrivals at gates") { server, id, apiKey, script };
        command.SetAction(async (parse, ct) =>
        {
            using var channel = new KeyedChannel(parse.GetValue(server)!, ApiKeyOption.Value(parse, apiKey));
            var client = new Trucks.TrucksClient(channel.Invoker);
            string truckId = parse.GetValue(id)!;
            var headers = new Metadata();
            var seen = new VersionWatch();
            var latest = new StrongBox<TruckAssignment?>();
            string? commands = parse.GetValue(script);
            await LiveSessions.RunAsync(
                token => FollowAsync(client, truckId, headers, seen, latest, token),
                (line, token) => RunLineAsync(client, truckId, headers, seen, latest, line, token),
                commands is not null ? commands.Split(';') : ReadLines(),
                ct);
            return Exit.Ok;
        });
        return command;
    }

    /// <summary>Runs one command line; false on quit.</summary>
    private static async Task<bool> RunLineAsync(
        Trucks.TrucksClient client, string truckId, Metadata headers, VersionWatch seen, StrongBox<TruckAssignment?> latest, string line, CancellationToken ct)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return true;
        }

        if (words[0] is "quit" or "exit")
        {
            return false;
        }

        if (words[0] == "wait-version" && words.Length == 2 && int.TryParse(words[1], out int version))
        {
            Console.WriteLine(await seen.WaitForAsync(version, TimeSpan.FromSeconds(30), ct) ? $"at version {seen.Version}" : $"timed out waiting for version {version}");
        }
        else if (words[0] == "arrive" && words.Length == 4 && TryParseClock(words[3], out int seconds))
        {
            try
            {
                var result = await client.ReportArrivalAsync(
                    new ReportArrivalRequest { TruckId = truckId, GateId = words[1], LoadId = words[2], ArrivedAtSeconds = seconds }, headers, DateTime.UtcNow.AddSeconds(30), ct);
                Console.WriteLine($"arrived at {words[1]} with {words[2]}: {result.LateBySeconds / 60} min late{(result.Replanned ? $", gate re-planned (plan v{result.PlanVersion})" : string.Empty)}{(result.Replayed ? " (already reported)" : string.Empty)}");
            }
            catch (RpcException e)
            {
                Console.WriteLine($"refused: {e.StatusCode}: {e.Status.Detail}");
            }
        }
        else if (words[0] == "depart" && words.Length is 2 or 3 && int.TryParse(words[1], out int trip))
        {
            if (words.Length == 2 && latest.Value is null)
            {
                // No time given: it is the planned one, so the trips must have arrived first.
                await seen.WaitForAsync(1, TimeSpan.FromSeconds(10), ct);
            }

            if (DepartureSeconds(words, trip, latest.Value) is not int departed)
            {
                Console.WriteLine(words.Length == 3
                    ? $"not a time: {words[2]} (hh:mm)"
                    : $"trip {trip} has no planned departure in the trips received; give the time: depart {trip} hh:mm");
                return true;
            }

            try
            {
                var result = await client.ReportDepartureAsync(
                    new ReportDepartureRequest { TruckId = truckId, TripNumber = trip, DepartedAtSeconds = departed }, headers, DateTime.UtcNow.AddSeconds(30), ct);
                Console.WriteLine($"left with trip {trip}: {result.OrdersOnTruck} orders on the truck, plan v{result.PlanVersion}{(result.Replayed ? " (already reported)" : string.Empty)}");
            }
            catch (RpcException e)
            {
                Console.WriteLine($"refused: {e.StatusCode}: {e.Status.Detail}");
            }
        }
        else
        {
            Console.WriteLine("commands: depart <trip> [hh:mm] | arrive <gate> <load> <hh:mm> | wait-version <n> | quit");
        }

        return true;
    }

    private static async Task FollowAsync(Trucks.TrucksClient client, string truckId, Metadata headers, VersionWatch seen, StrongBox<TruckAssignment?> latest, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var call = client.StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = truckId, LastSeenVersion = seen.Version }, headers, cancellationToken: cancellationToken);
                await foreach (var trips in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    AnsiConsole.Write(TruckView.Render(trips));
                    latest.Value = trips;
                    seen.Saw(trips.Version);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !cancellationToken.IsCancellationRequested && !(KeyedChannel.CouldNotConnect(e) && seen.Version == 0))
            {
                Console.WriteLine("stream ended (server stopping); reconnecting");
                await Task.Delay(1_000, cancellationToken);
            }
            catch (RpcException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static IEnumerable<string> ReadLines()
    {
        while (Console.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>The time given, or else the trip's planned departure in the latest trips seen (null when neither is known).</summary>
    private static int? DepartureSeconds(string[] words, int trip, TruckAssignment? latest)
    {
        if (words.Length == 3)
        {
            return TryParseClock(words[2], out int seconds) ? seconds : null;
        }

        return latest?.Trips.FirstOrDefault(t => t.Number == trip)?.DepartSeconds;
    }

    private static bool TryParseClock(string text, out int seconds)
    {
        seconds = 0;
        var parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int hours) || !int.TryParse(parts[1], out int minutes) || hours < 0 || minutes is < 0 or > 59)
        {
            return false;
        }

        seconds = (hours * 3_600) + (minutes * 60);
        return true;
    }
}
