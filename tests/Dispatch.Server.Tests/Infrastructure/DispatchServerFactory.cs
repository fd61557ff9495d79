using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dispatch.Server.Tests.Infrastructure;

/// <summary>The real server in-process on a fresh SQLite file and the tiny district; clients go through a real GrpcChannel.</summary>
public sealed class DispatchServerFactory : WebApplicationFactory<Program>
{
    private readonly string _folder;

    /// <param name="folder">Where the scenario and database live; a fresh temporary folder by default. Reuse one to restart a server on the same data.</param>
    public DispatchServerFactory(string? folder = null)
    {
        _folder = folder ?? NewFolder();
        ScenarioFiles.Save(TinyDistrict.Create(), Path.Combine(_folder, "scenario"));
    }

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "dispatch-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Leave the folder on dispose, for a second server on the same data.</summary>
    public bool KeepFolder { get; init; }

    public string DatabasePath => Path.Combine(_folder, "dispatch.db");

    public int MaxOrdersPerBatch { get; init; } = 50;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DatabasePath", DatabasePath);
        builder.UseSetting("Scenario:Path", Path.Combine(_folder, "scenario"));
        builder.UseSetting("Planning:QuickSearch", "true");
        builder.UseSetting("Intake:MaxOrdersPerBatch", MaxOrdersPerBatch.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    public OrderIntake.OrderIntakeClient CreateIntakeClient() => new(CreateChannel());

    public Contracts.V1.Planning.PlanningClient CreatePlanningClient() => new(CreateChannel());

    public Volunteers.VolunteersClient CreateVolunteersClient() => new(CreateChannel());

    public Supermarkets.SupermarketsClient CreateSupermarketsClient() => new(CreateChannel());

    public Trucks.TrucksClient CreateTrucksClient() => new(CreateChannel());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
