using System.CommandLine;
using Dispatch.Cli.Bench;

var root = new RootCommand("dispatch: supply logistics and delivery dispatch for communities under lockdown");
var bench = new Command("bench", "Benchmarks that print their figures");
bench.Subcommands.Add(IngestBenchCommand.Create());
root.Subcommands.Add(bench);
root.Subcommands.Add(Dispatch.Cli.Commands.ScenarioCommands.Create());
root.Subcommands.Add(Dispatch.Cli.Commands.OrdersCommand.Create());

return await root.Parse(args).InvokeAsync();
