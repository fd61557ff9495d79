using Dispatch.Domain.Cities;
using Dispatch.Server.Cluster;
using Dispatch.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Dispatch.Server.Tests.Cluster;

/// <summary>An in-process Orleans cluster (Orleans' TestingHost, 2 silos) serving <see cref="TinyCity"/>, districts on SQLite files.</summary>
public sealed class CityClusterFixture : IAsyncLifetime
{
    private const string FolderKey = "TestCity:Folder";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "dispatch-tests", "city-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        TinyCity.Save(Path.Combine(Folder, "city"));
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FolderKey] = Folder,
            ["Live:ConfirmationKey"] = TestKeys.ConfirmationKey,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        builder.AddSiloBuilderConfigurator<CitySilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class CitySilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.UseInMemoryReminderService().ConfigureServices(services =>
        {
            services.AddSingleton(sp => new CityMap(CityFiles.Load(Path.Combine(Folder(sp), "city"))));
            services.AddSingleton(sp => new DistrictStorage(null, Path.Combine(Folder(sp), "districts")));
            services.TryAddSingleton(TimeProvider.System);
        });

        private static string Folder(IServiceProvider services) => services.GetRequiredService<IConfiguration>()[FolderKey]!;
    }
}
