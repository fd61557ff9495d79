using System.CommandLine;
using Dispatch.Cli.Hosting;
using Dispatch.Cli.Planning;
using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch plan show</c>: a stored plan (GetPlan), or one gate of it (GetGatePlan), as tables or JSON.</summary>
public static class PlanShowCommand
{
    public static Command Create()
    {
        var server = ServerOption.Create();
        var day = new Option<int>("--day") { Description = "Plan day, 1-based", DefaultValueFactory = _ => 1 };
        var version = new Option<int>("--version") { Description = "Plan version (0: the latest, the one being acted on)" };
        var gate = new Option<string?>("--gate") { Description = "Show this gate's cycles, door routes, pickup slots and orders" };
        var district = RemotePlanCommand.DistrictOption();
        var scenario = new Option<string>("--scenario") { Description = "Scenario folder to take the district id from", DefaultValueFactory = _ => "seeds/jining-high-tech" };
        var apiKey = ApiKeyOption.Create();
        var json = JsonOutput.Create();
        var command = new Command("show", "Show a plan stored on the server: KPIs, bottleneck, trucks and gates, or one gate in full")
        {
            server, day, version, gate, district, scenario, apiKey, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(day) < 1)
            {
                return Exit.WithBadInput($"--day must be 1 or more, was {parse.GetValue(day)}");
            }

            if (parse.GetValue(version) < 0)
            {
                return Exit.WithBadInput($"--version must be 0 (latest) or more, was {parse.GetValue(version)}");
            }

            string districtId = RemotePlanCommand.DistrictOf(parse, parse.GetValue(district));
            using var channel = new KeyedChannel(parse.GetValue(server)!, ApiKeyOption.Value(parse, apiKey));
            var client = new Contracts.V1.Planning.PlanningClient(channel.Invoker);
            if (parse.GetValue(gate) is { Length: > 0 } gateId)
            {
                var gatePlan = await client.GetGatePlanAsync(
                    new GetGatePlanRequest { DistrictId = districtId, Day = parse.GetValue(day), Version = parse.GetValue(version), GateId = gateId }, cancellationToken: ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.WriteProto(gatePlan);
                }
                else
                {
                    PlanTables.WriteGate(gatePlan);
                }

                return Exit.Ok;
            }

            var plan = await client.GetPlanAsync(new GetPlanRequest { DistrictId = districtId, Day = parse.GetValue(day), Version = parse.GetValue(version) }, cancellationToken: ct);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteProto(plan);
            }
            else
            {
                PlanTables.WriteSummary(plan);
                PlanTables.WriteGates(plan);
            }

            return Exit.Ok;
        });
        return command;
    }
}
