using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Scenarios;

namespace Dispatch.Simulation.Tests;

/// <summary>The default (Jining high-tech) scenario for seed 1, generated once per test run.</summary>
internal static class DefaultScenario
{
    private static readonly Lazy<Scenario> s_seed1 = new(() => ScenarioGenerator.Generate(new ScenarioGeneratorOptions()));

    public static Scenario Seed1 => s_seed1.Value;
}
