using System.CommandLine;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Live;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>dispatch volunteer</c>: a volunteer's live route in the terminal, re-drawn per version, and their reports
/// (trips leaving the gate, doors, pickups at the gate), typed at a prompt, piped on stdin, or given as a script.
/// </summary>
public static class VolunteerCommand
{
    public static Command Create()
    {
        var server = ServerOption.Create();
        var id = new Option<string>("--id") { Description = "Volunteer id", Required = true };
        var apiKey = ApiKeyOption.Create();
        var script = new Option<string?>("--script") { Description = "Commands separated by ';', e.g. \"start 1; deliver SM1/O-1 123456; fail SM1/O-2 no-answer; pickup SM1/O-7 654321; wait-version 2; quit\"" };
        var command = new Command("volunteer", "Follow a volunteer's live route and report deliveries") { server, id, apiKey, script };
        command.Subcommands.Add(VolunteerLinkCommand.Create());
        command.SetAction(async (parse, ct) =>
        {
            using var channel = new KeyedChannel(parse.GetValue(server)!, ApiKeyOption.Value(parse, apiKey));
            string? commands = parse.GetValue(script);
            bool interactive = commands is null && !Console.IsInputRedirected;
            var session = new VolunteerSession(new Volunteers.VolunteersClient(channel.Invoker), parse.GetValue(id)!, new Metadata(), render: interactive || commands is null);
            await LiveSessions.RunAsync(session.FollowAsync, (line, token) => session.RunAsync(line, token), Lines(commands, interactive), ct);
            return Exit.Ok;
        });
        return command;
    }

    private static IEnumerable<string> Lines(string? script, bool interactive)
    {
        if (script is not null)
        {
            foreach (string line in script.Split(';'))
            {
                yield return line;
            }

            yield break;
        }

        while (true)
        {
            if (interactive)
            {
                Console.Write("> ");
            }

            string? line = Console.ReadLine();
            if (line is null)
            {
                yield break;
            }

            yield return line;
        }
    }
}
