using System.CommandLine;
using Dispatch.Cli.Hosting;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>dispatch unlock-code</c>: a supervisor (planner or admin key) lifts the proof-code lock of an order or of a
/// volunteer (<c>Volunteers.UnlockConfirmation</c>) after checking with the household or the volunteer.
/// </summary>
public static class UnlockCodeCommand
{
    public static Command Create()
    {
        var server = ServerOption.Create();
        var order = new Option<string?>("--order") { Description = "The order_ref whose confirmation is locked (e.g. SM1/O-17)" };
        var volunteer = new Option<string?>("--volunteer") { Description = "The volunteer whose code reports are locked" };
        var apiKey = ApiKeyOption.Create();
        var json = JsonOutput.Create();
        var command = new Command("unlock-code", "Lift the lock that wrong proof codes set on an order or a volunteer (planner or admin key)") { server, order, volunteer, apiKey, json };
        command.SetAction(async (parse, ct) =>
        {
            string? orderRef = parse.GetValue(order);
            string? volunteerId = parse.GetValue(volunteer);
            if ((orderRef is null) == (volunteerId is null))
            {
                return Exit.WithBadInput("give one of --order or --volunteer");
            }

            var request = orderRef is not null ? new UnlockConfirmationRequest { OrderId = orderRef } : new UnlockConfirmationRequest { VolunteerId = volunteerId };
            using var channel = new KeyedChannel(parse.GetValue(server)!, ApiKeyOption.Value(parse, apiKey));
            var result = await new Volunteers.VolunteersClient(channel.Invoker).UnlockConfirmationAsync(request, cancellationToken: ct);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteProto(result);
                return Exit.Ok;
            }

            string what = orderRef is not null ? $"confirmation of order {orderRef}" : $"code reports of {volunteerId}";
            Console.WriteLine(result.WasLocked
                ? $"{what} unlocked ({result.WrongCodes} wrong codes forgotten)"
                : $"{what} was not locked ({result.WrongCodes} wrong codes so far); nothing changed");
            return Exit.Ok;
        });
        return command;
    }
}
