using System.CommandLine;
using System.Globalization;
using System.Net;
using Dispatch.Cli.Hosting;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>dispatch volunteer link</c>: a gate leader's one-time sign-in link for a volunteer's phone. The link alone goes
/// to stdout (to paste or pipe into a message); what it is and until when it works goes to stderr.
/// </summary>
public static class VolunteerLinkCommand
{
    public static Command Create()
    {
        var server = ServerOption.Create();
        var id = new Option<string>("--id") { Description = "The volunteer the link signs in", Required = true };
        var apiKey = ApiKeyOption.Create();
        var web = new Option<string?>("--web") { Description = "Where phones open the app (e.g. https://dispatch.example), when not the server's own browser address" };
        var command = new Command("link", "Make a one-time sign-in link for a volunteer's phone (planner or admin key)") { server, id, apiKey, web };
        command.SetAction(async (parse, ct) =>
        {
            var address = parse.GetValue(server)!;
            using var channel = new KeyedChannel(address, ApiKeyOption.Value(parse, apiKey));
            var link = await new Volunteers.VolunteersClient(channel.Invoker).CreateSignInLinkAsync(new CreateSignInLinkRequest { VolunteerId = parse.GetValue(id)! }, cancellationToken: ct);
            string? webBase = parse.GetValue(web) is { Length: > 0 } given ? ServerOption.TryNormalise(given)?.ToString()
                ?? throw new CommandFailedException($"--web '{given}' is not an address; e.g. https://dispatch.example", Exit.BadInput)
                : WebBase(address, link.WebAddresses);
            if (webBase is null)
            {
                throw new CommandFailedException("the server has no browser endpoint (Web:Enabled=false): give --web, where phones open the app", Exit.BadInput);
            }

            Console.WriteLine(webBase.TrimEnd('/') + link.Path);
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"one-time sign-in link for volunteer {link.VolunteerId}: works once, until {link.ExpiresAt.ToDateTimeOffset():yyyy-MM-dd HH:mm} UTC; send it to this volunteer only"));
            return Exit.Ok;
        });
        return command;
    }

    /// <summary>
    /// The server's browser address as a phone reaches it: the server reports loopback for a wildcard binding, so a
    /// loopback address takes the host the CLI reached the server at (its port stays).
    /// </summary>
    private static string? WebBase(Uri server, IEnumerable<string> webAddresses)
    {
        if (webAddresses.Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null).FirstOrDefault(u => u is not null) is not { } web)
        {
            return null;
        }

        bool loopback = IPAddress.TryParse(web.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
        return loopback ? new UriBuilder(web) { Host = server.Host }.Uri.ToString() : web.ToString();
    }
}
