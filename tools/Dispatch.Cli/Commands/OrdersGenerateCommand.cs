using System.CommandLine;
using System.Globalization;
using System.Text;
using Dispatch.Domain;
using Dispatch.Domain.Cities;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Cities;
using Dispatch.Simulation.Orders;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch orders generate</c>: one day's orders of a scenario (or of every district of a city), written as orders CSVs.</summary>
public static class OrdersGenerateCommand
{
    public static Command Create()
    {
        var scenario = new Option<DirectoryInfo>("--scenario") { Description = "Scenario folder (scenario.json + households.csv)" };
        var city = new Option<DirectoryInfo>("--city") { Description = "City folder (city.json): every district's orders, each with its own seed derived from --seed" };
        // Read as text so a day that is not a number is bad input (exit 2) like a day out of range, not a usage error.
        var day = new Option<string>("--day") { Description = "Plan day, 1-based", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the order generator", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out")
        {
            Description = "Orders CSV to write; with --city a folder getting {district-id}/orders-dayD.csv (default: each district's own folder)",
        };

        var generate = new Command("generate", "Generate one day's orders, one batch per grid, of a district or of every district of a city") { scenario, city, day, seed, output };
        generate.SetAction(parseResult =>
        {
            string dayText = parseResult.GetValue(day)!;
            if (!int.TryParse(dayText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int planDay)
                || planDay < 1 || planDay > IntakeLimits.Default.MaxDay)
            {
                return Exit.WithBadInput($"--day must be a whole number from 1 to {IntakeLimits.Default.MaxDay}, was '{dayText}'");
            }

            var cityFolder = parseResult.GetValue(city);
            var folder = parseResult.GetValue(scenario);
            if ((cityFolder is null) == (folder is null))
            {
                return Exit.WithBadInput("give either --scenario DIR (one district) or --city DIR (every district of a city)");
            }

            if (cityFolder is not null || folder is null)
            {
                return GenerateCity(cityFolder!, planDay, parseResult.GetValue(seed), parseResult.GetValue(output));
            }

            if (parseResult.GetValue(output) is not { } outputFile)
            {
                return Exit.WithBadInput("--out FILE is required with --scenario");
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
            string file = Path.GetFullPath(outputFile);
            Write(file, batches);
            Console.WriteLine(Summary(batches, loaded.Catalog, file));
            return Exit.Ok;
        });
        return generate;
    }

    private static int GenerateCity(DirectoryInfo cityFolder, int day, int seed, string? output)
    {
        if (!cityFolder.Exists)
        {
            return Exit.WithBadInput($"city folder '{cityFolder.FullName}' not found");
        }

        LoadedCity loaded;
        try
        {
            loaded = CityFiles.Load(cityFolder.FullName);
        }
        catch (ScenarioFormatException e)
        {
            return Exit.WithBadInput(e.Message);
        }

        string fileName = $"orders-day{day.ToString(CultureInfo.InvariantCulture)}.csv";
        foreach (var district in loaded.Districts)
        {
            var id = district.District.Id;
            var batches = DayOrderGenerator.Generate(district.Scenario, day, CitySeeds.ForDistrict(seed, id));
            string file = output is null ? Path.Combine(district.Folder, fileName) : Path.GetFullPath(Path.Combine(output, id.Value, fileName));
            Write(file, batches);
            Console.WriteLine($"{id}: {Summary(batches, district.Scenario.Catalog, file)}");
        }

        return Exit.Ok;
    }

    private static void Write(string file, IReadOnlyList<OrderBatch> batches)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        OrderCsv.Write(writer, batches);
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
