using System.CommandLine;

var root = new RootCommand("dispatch: supply logistics and delivery dispatch for communities under lockdown");
var bench = new Command("bench", "Benchmarks that print their figures");
root.Subcommands.Add(bench);
bench.Subcommands.Add(Dispatch.Cli.Bench.SolomonBenchCommand.Create());

return await root.Parse(args).InvokeAsync();
