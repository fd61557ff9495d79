using System.CommandLine;
using Dispatch.Domain;
using Dispatch.Domain.Cities;
using Dispatch.Domain.Scenarios;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Cli.Commands;

/// <summary><c>dispatch scenario generate</c>: writes a generated district scenario folder, or a city folder of them (<c>--city N</c>).</summary>
public static class ScenarioCommands
{
    public static Command Create()
    {
        var scenario = new Command("scenario", "Scenario folders (scenario.json + households.csv)");
        scenario.Subcommands.Add(CreateGenerate());
        return scenario;
    }

    private static Command CreateGenerate()
    {
        var defaults = new ScenarioGeneratorOptions();
        var seed = new Option<int>("--seed") { Description = "Seed of the generator; the same seed gives the same scenario", DefaultValueFactory = _ => defaults.Seed };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write scenario.json and households.csv into", Required = true };
        var households = new Option<int>("--households") { Description = "Households in the district", DefaultValueFactory = _ => defaults.Households };
        var communities = new Option<int>("--communities") { Description = "Communities (each with 1 to 3 gates)", DefaultValueFactory = _ => defaults.Communities };
        var gates = new Option<int>("--gates") { Description = "Gates over all communities", DefaultValueFactory = _ => defaults.Gates };
        var trucks = new Option<int>("--trucks") { Description = "Supply trucks over all supermarkets", DefaultValueFactory = _ => defaults.Trucks };
        var volunteers = new Option<int?>("--volunteers") { Description = "Volunteers over all gates (default: enough for 10-15 door households each)" };
        var highRisk = new Option<int>("--high-risk-communities") { Description = "Communities at high risk (door delivery)", DefaultValueFactory = _ => defaults.HighRiskCommunities };
        var lowRisk = new Option<int>("--low-risk-communities") { Description = "Communities at low risk; the rest are medium", DefaultValueFactory = _ => defaults.LowRiskCommunities };
        var districtId = new Option<string>("--district-id") { Description = "Id of the generated district", DefaultValueFactory = _ => defaults.DistrictId };
        var districtName = new Option<string?>("--district-name") { Description = "Name of the generated district (default: the id's district, or the id)" };
        var zonePercent = new Option<int>("--zone-percent") { Description = "Gate zone sizes (disinfection per cycle, storage) as a percentage of the usual ones: below 100 for small gates", DefaultValueFactory = _ => defaults.ZonePercent };

        var city = new Option<int?>("--city")
        {
            Description = "Generate a city of N districts instead: city.json plus one scenario folder per district (ids {city}-d01 ...), "
                + "each from the other options with its own seed derived from --seed",
        };
        var cityId = new Option<string?>("--city-id") { Description = "Id of the generated city (with --city; default: the --out folder's name)" };

        var generate = new Command("generate", "Generate a district scenario (defaults: the Jining high-tech district), or a city of them (--city N)")
        {
            seed, output, households, communities, gates, trucks, volunteers, highRisk, lowRisk, zonePercent, districtId, districtName, city, cityId,
        };
        generate.SetAction(parseResult =>
        {
            if (parseResult.GetValue(city) is null && parseResult.GetResult(cityId) is { Implicit: false })
            {
                return Exit.WithBadInput("--city-id goes with --city N");
            }

            var options = defaults with
            {
                Seed = parseResult.GetValue(seed),
                Households = parseResult.GetValue(households),
                Communities = parseResult.GetValue(communities),
                Gates = parseResult.GetValue(gates),
                Trucks = parseResult.GetValue(trucks),
                Volunteers = parseResult.GetValue(volunteers),
                HighRiskCommunities = parseResult.GetValue(highRisk),
                LowRiskCommunities = parseResult.GetValue(lowRisk),
                ZonePercent = parseResult.GetValue(zonePercent),
                DistrictId = parseResult.GetValue(districtId)!,
                DistrictName = parseResult.GetValue(districtName)
                    ?? (parseResult.GetValue(districtId) == defaults.DistrictId ? defaults.DistrictName : parseResult.GetValue(districtId)!),
            };
            var folder = parseResult.GetValue(output)!;
            if (parseResult.GetValue(city) is int districts)
            {
                foreach (var single in new Option[] { districtId, districtName })
                {
                    if (parseResult.GetResult(single) is { Implicit: false })
                    {
                        return Exit.WithBadInput($"{single.Name} names a lone district; with --city the districts are {{city}}-d01, {{city}}-d02 ...");
                    }
                }

                var cityOptions = new CityGeneratorOptions
                {
                    Seed = options.Seed,
                    CityId = parseResult.GetValue(cityId) ?? folder.Name,
                    Districts = districts,
                    District = options,
                };
                return GenerateCity(cityOptions, folder.FullName);
            }

            Scenario generated;
            try
            {
                generated = ScenarioGenerator.Generate(options);
            }
            catch (ArgumentException e)
            {
                return Exit.WithBadInput(e.Message);
            }

            ScenarioFiles.Save(generated, folder.FullName);
            Console.WriteLine(Summary(generated, folder.FullName));
            return Exit.Ok;
        });
        return generate;
    }

    private static int GenerateCity(CityGeneratorOptions options, string folder)
    {
        City city;
        IReadOnlyList<Scenario> scenarios;
        try
        {
            (city, scenarios) = CityGenerator.Generate(options);
        }
        catch (ArgumentException e)
        {
            return Exit.WithBadInput(options.CityId == Path.GetFileName(folder) && e.Message.StartsWith("city id", StringComparison.Ordinal)
                ? $"{e.Message} (the city id defaults to the --out folder's name: give one with --city-id)"
                : e.Message);
        }

        CityFiles.Save(city, scenarios, folder);
        for (int i = 0; i < scenarios.Count; i++)
        {
            Console.WriteLine($"{city.Districts[i].Id}: {Summary(scenarios[i], Path.Combine(folder, city.Districts[i].Path))}");
        }

        Console.WriteLine($"{Path.Combine(folder, CityFiles.CityFileName)}: city {city.Id}, {city.Districts.Count} districts, "
            + $"{scenarios.Sum(s => s.Households.Count)} households, seed {options.Seed}");
        return Exit.Ok;
    }

    private static string Summary(Scenario s, string folder)
    {
        var stock = s.Supermarkets.Aggregate(BundleCounts.Zero, (sum, m) => sum + m.DailyStock);
        double stockTonnes = (double)stock.WeightGrams(s.Catalog) / Units.GramsPerTonne;
        return $"{folder}: {s.Households.Count} households ({s.Households.Count(h => h.NeedsDoorDelivery)} door delivery), "
            + $"{s.Communities.Count} communities, {s.Gates.Count} gates, {s.Grids.Count(g => g.Level == 1)}+{s.Grids.Count(g => g.Level == 2)} grids, "
            + $"{s.Supermarkets.Count} supermarkets, {s.Vehicles.Count} trucks, {s.Volunteers.Count} volunteers; "
            + $"daily stock {stock.MeatAndVegetable} meat-and-vegetable, {stock.Vegetable} vegetable, {stock.RiceAndFlour} rice-and-flour, "
            + $"{stock.Medicine} medicine ({stockTonnes:F1} t)";
    }
}
