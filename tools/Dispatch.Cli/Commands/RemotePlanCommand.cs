using System.CommandLine;
using System.CommandLine.Invocation;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Planning;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;

namespace Dispatch.Cli.Commands;

/// <summary>
/// <c>dispatch plan --server URL</c>: the live server plans the day from its stored orders (PlanDistrictDay, stage
/// progress as it streams) and stores the plan; and <c>dispatch plan show</c>. Added to the in-process
/// <c>plan</c> command, whose own action runs when no server is named.
/// </summary>
public static class RemotePlanCommand
{
    public static void Extend(Command plan)
    {
        var server = ServerOption.CreateOptional("Plan on this server from its stored orders instead of in-process (HOST:PORT or http(s)://HOST:PORT)");
        var district = DistrictOption();
        var apiKey = ApiKeyOption.Create();
        var json = JsonOutput.Create();
        plan.Options.Add(server);
        plan.Options.Add(district);
        plan.Options.Add(apiKey);
        plan.Options.Add(json);
        plan.Subcommands.Add(PlanShowCommand.Create());

        var inProcess = plan.Action;
        plan.SetAction((parse, ct) =>
        {
            if (parse.GetValue(server) is { } address)
            {
                return PlanAsync(parse, address, parse.GetValue(district), ApiKeyOption.Value(parse, apiKey), parse.GetValue(json), ct);
            }

            foreach (var remoteOnly in new Option[] { district, json })
            {
                if (parse.GetResult(remoteOnly) is { Implicit: false })
                {
                    throw new CommandFailedException($"{remoteOnly.Name} goes with --server (in-process, the plan is written to --out)", Exit.BadInput);
                }
            }

            return inProcess switch
            {
                AsynchronousCommandLineAction action => action.InvokeAsync(parse, ct),
                SynchronousCommandLineAction action => Task.FromResult(action.Invoke(parse)),
                _ => Task.FromResult(Exit.Ok),
            };
        });
    }

    public static Option<string?> DistrictOption() => new("--district")
    {
        Description = "District id on the server (default: the district of --scenario, the shipped seed unless given)",
    };

    /// <summary>The district named, or the one of the scenario folder (an option of the command, default the shipped seed).</summary>
    public static string DistrictOf(ParseResult parse, string? district)
    {
        if (district is { Length: > 0 })
        {
            return district;
        }

        string scenario = parse.GetValue<string>("--scenario") ?? "seeds/jining-high-tech";
        string folder = ScenarioLocator.Find(scenario)
            ?? throw new CommandFailedException($"give the server's district with --district (scenario folder '{scenario}' to take it from not found)", Exit.BadInput);
        return ScenarioFiles.Load(folder).District.Id;
    }

    private static async Task<int> PlanAsync(ParseResult parse, Uri address, string? districtOption, string? apiKey, bool json, CancellationToken cancellationToken)
    {
        int day = parse.GetValue<int>("--day");
        if (day < 1 || day > IntakeLimits.Default.MaxDay)
        {
            throw new CommandFailedException($"--day must be between 1 and {IntakeLimits.Default.MaxDay}, was {day}", Exit.BadInput);
        }

        foreach (string localOnly in new[] { "--orders", "--out", "--seed" })
        {
            if (parse.GetResult(localOnly) is System.CommandLine.Parsing.OptionResult { Implicit: false })
            {
                throw new CommandFailedException($"{localOnly} is for planning in-process; with --server the server plans from the orders pushed to it", Exit.BadInput);
            }
        }

        string districtId = DistrictOf(parse, districtOption);
        bool probe = !parse.GetValue<bool>("--no-bottleneck");
        using var channel = new KeyedChannel(address, apiKey);
        var client = new Contracts.V1.Planning.PlanningClient(channel.Invoker);
        var request = new PlanDistrictDayRequest { DistrictId = districtId, Day = day, ProbeBottleneck = probe };
        var plan = json
            ? await RemotePlanning.PlanQuietlyAsync(client, request, cancellationToken)
            : await RemotePlanning.PlanAsync(client, request, cancellationToken);
        if (plan is null)
        {
            throw new CommandFailedException("the server ended the planning stream without a plan", Exit.Failed);
        }

        if (json)
        {
            JsonOutput.WriteProto(plan);
        }
        else
        {
            PlanTables.WriteSummary(plan);
            Console.WriteLine($"stored as version {plan.Version}; see it with `dispatch plan show --server {address.GetLeftPart(UriPartial.Authority)} --district {plan.DistrictId} --day {day}` (--gate G for a gate)");
        }

        return Exit.Ok;
    }
}
