using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Orders;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests;

/// <summary>The checked-in seeds/jining-high-tech and seeds/jining-hard folders: load, validate, and are what the generators make (golden files).</summary>
public sealed class ShippedSeedTests
{
    private static readonly Lazy<string> s_folder = new(() => Path.Combine(RepositoryRoot(), "seeds", "jining-high-tech"));

    [Fact]
    public void Shipped_scenario_loads_and_validates()
    {
        var scenario = ScenarioFiles.Load(s_folder.Value);

        Assert.Empty(ScenarioValidator.Validate(scenario));
        Assert.Equal(108, scenario.Grids.Count(g => g.Level == 2));
    }

    [Fact]
    public void Shipped_scenario_is_what_seed_1_generates()
    {
        var scenario = ScenarioFiles.Load(s_folder.Value);

        ScenarioAssert.Equal(DefaultScenario.Seed1, scenario);
    }

    [Fact]
    public void Shipped_day_1_orders_pass_validation_and_are_what_seed_1_generates()
    {
        var scenario = ScenarioFiles.Load(s_folder.Value);
        string path = Path.Combine(s_folder.Value, "orders-day1.csv");
        using var reader = new StreamReader(path);
        var batches = OrderCsv.Read(reader, path);
        var validator = new OrderBatchValidator(new ScenarioIndex(scenario), IntakeLimits.Default);

        Assert.All(batches, b => Assert.Empty(validator.Validate(b).Rejected));
        Assert.All(batches, b => Assert.Empty(validator.Validate(b).BatchViolations));
        ScenarioAssert.Equal(DayOrderGenerator.Generate(scenario, 1, seed: 1), batches);
    }

    [Fact]
    public void Shipped_hard_day_is_what_its_options_generate_and_its_orders_pass_validation()
    {
        string folder = Path.Combine(RepositoryRoot(), "seeds", "jining-hard");
        var scenario = ScenarioFiles.Load(folder);
        string path = Path.Combine(folder, "orders-day1.csv");
        using var reader = new StreamReader(path);
        var batches = OrderCsv.Read(reader, path);
        var validator = new OrderBatchValidator(new ScenarioIndex(scenario), IntakeLimits.Default);

        Assert.Empty(ScenarioValidator.Validate(scenario));
        ScenarioAssert.Equal(ScenarioGenerator.Generate(ScenarioGeneratorOptions.HardDay), scenario);
        Assert.All(batches, b => Assert.Empty(validator.Validate(b).Rejected));
        Assert.All(batches, b => Assert.Empty(validator.Validate(b).BatchViolations));
        ScenarioAssert.Equal(DayOrderGenerator.Generate(scenario, 1, seed: 2), batches);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Dispatch.sln above {AppContext.BaseDirectory}");
    }
}
