using System.CommandLine;
using Dispatch.Cli.Bench;
using Dispatch.Cli.Commands;

var root = new RootCommand("dispatch: supply logistics and delivery dispatch for communities under lockdown");
var bench = new Command("bench", "Benchmarks that print their figures");
bench.Subcommands.Add(IngestBenchCommand.Create());
bench.Subcommands.Add(SolomonBenchCommand.Create());
bench.Subcommands.Add(PlanBenchCommand.Create());
bench.Subcommands.Add(LoadBenchCommand.Create());
bench.Subcommands.Add(FanoutBenchCommand.Create());
bench.Subcommands.Add(CityBenchCommand.Create());
root.Subcommands.Add(bench);
root.Subcommands.Add(ScenarioCommands.Create());
var orders = OrdersCommand.Create();
orders.Subcommands.Add(OrdersListCommand.Create());
root.Subcommands.Add(orders);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(PushCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
var plan = PlanCommand.Create();

// `plan --server URL` and `plan show`: the same command planning on (and reading from) a live server.
RemotePlanCommand.Extend(plan);
root.Subcommands.Add(plan);
root.Subcommands.Add(VolunteerCommand.Create());
root.Subcommands.Add(TruckCommand.Create());
root.Subcommands.Add(UnlockCodeCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());

return await CommandInvocation.RunAsync(root.Parse(args));
