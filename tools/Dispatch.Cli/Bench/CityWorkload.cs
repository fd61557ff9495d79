using Dispatch.Cli.Commands;
using Dispatch.Domain.Cities;
using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Cities;
using Dispatch.Simulation.Orders;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Cli.Bench;

/// <summary>
/// The city a bench runs on and each district's day of orders: a generated city (as <c>scenario generate --city</c>
/// writes it) or a given city folder, and the orders <c>orders generate --city DIR --day 1 --seed S</c> would write.
/// </summary>
public sealed record CityWorkload(LoadedCity City, IReadOnlyDictionary<string, IReadOnlyList<OrderBatch>> Orders)
{
    public const int Day = 1;

    public int OrdersOf(string districtId) => Orders[districtId].Sum(b => b.Orders.Count);

    public int TotalOrders => Orders.Values.Sum(batches => batches.Sum(b => b.Orders.Count));

    /// <summary>Every volunteer of the city, named with their district (<c>district/VOL0001</c>), district by district.</summary>
    public IReadOnlyList<string> ScopedVolunteerIds() =>
        City.Districts.SelectMany(d => d.Scenario.Volunteers.Select(v => $"{d.District.Id}/{v.Id}")).ToList();

    /// <summary>Generates a city of <paramref name="districts"/> districts of <paramref name="households"/> households into <paramref name="folder"/>.</summary>
    public static CityWorkload Generate(string folder, int districts, int households, int seed)
    {
        var options = new CityGeneratorOptions
        {
            Seed = seed,
            CityId = "citybench",
            Districts = districts,
            District = new ScenarioGeneratorOptions { Seed = seed, Households = households },
        };
        City city;
        IReadOnlyList<Scenario> scenarios;
        try
        {
            (city, scenarios) = CityGenerator.Generate(options);
        }
        catch (ArgumentException e)
        {
            throw new CommandFailedException(e.Message, Exit.BadInput);
        }

        CityFiles.Save(city, scenarios, folder);
        return Load(folder, seed);
    }

    public static CityWorkload Load(string folder, int seed)
    {
        if (!Directory.Exists(folder))
        {
            throw new CommandFailedException($"city folder '{folder}' not found", Exit.BadInput);
        }

        LoadedCity city;
        try
        {
            city = CityFiles.Load(folder);
        }
        catch (ScenarioFormatException e)
        {
            throw new CommandFailedException(e.Message, Exit.BadInput);
        }

        var orders = city.Districts.ToDictionary(
            d => d.District.Id.ToString(),
            d => DayOrderGenerator.Generate(d.Scenario, Day, CitySeeds.ForDistrict(seed, d.District.Id)),
            StringComparer.Ordinal);
        return new CityWorkload(city, orders);
    }
}
