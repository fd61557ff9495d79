using System.CommandLine;
using System.Globalization;
using System.Text;
using Dispatch.Domain;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Orders;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch orders generate</c>: one day's orders of a scenario, written as the orders CSV.</summary>
public static class OrdersGenerateCommand
{
    public static Command Create()
    {
        var scenario = new Option<DirectoryInfo>("--scenario") { Description = "Scenario folder (scenario.json + households.csv)", Required = true };
        // Read as text so a day that is not a number is bad input (exit 2) like a day out of range, not a usage error.
        var day = new Option<string>("--day") { Description = "Plan day, 1-based", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the order generator", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out") { Description = "Orders CSV to write", Required = true };

        var generate = new Command("generate", "Generate one day's orders, one batch per grid") { scenario, day, seed, output };
        generate.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(scenario)!;
            string dayText = parseResult.GetValue(day)!;
            if (!int.TryParse(dayText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int planDay)
                || planDay < 1 || planDay > IntakeLimits.Default.MaxDay)
            {
                return Exit.WithBadInput($"--day must be a whole number from 1 to {IntakeLimits.Default.MaxDay}, was '{dayText}'");
            }

            if (!folder.Exists)
            {
                return Exit.WithBadInput($"scenario folder '{folder.FullName}' not found");
            }

            Scenario loaded;
            try
            {
                loaded = ScenarioFiles.Load(folder.FullName);
            }
            catch (ScenarioFormatException e)
            {
                return Exit.WithBadInput(e.Message);
            }

            var batches = DayOrderGenerator.Generate(loaded, planDay, parseResult.GetValue(seed));
            var file = parseResult.GetValue(output)!;
            file.Directory?.Create();
            using (var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(false)))
            {
                OrderCsv.Write(writer, batches);
            }

            Console.WriteLine(Summary(batches, loaded.Catalog, file.FullName));
            return Exit.Ok;
        });
        return generate;
    }

    private static string Summary(IReadOnlyList<OrderBatch> batches, BundleCatalog catalog, string file)
    {
        var total = BundleCounts.Zero;
        int orders = 0;
        foreach (var batch in batches)
        {
            foreach (var order in batch.Orders)
            {
                orders++;
                foreach (var line in order.Lines)
                {
                    total = total.With(line.Kind, total[line.Kind] + line.Quantity);
                }
            }
        }

        double tonnes = (double)total.WeightGrams(catalog) / Units.GramsPerTonne;
        return string.Create(CultureInfo.InvariantCulture,
            $"{file}: {orders} orders in {batches.Count} batches; bundles: {total.MeatAndVegetable} meat-and-vegetable, "
            + $"{total.Vegetable} vegetable, {total.RiceAndFlour} rice-and-flour, {total.Medicine} medicine ({tonnes:F1} t)");
    }
}
