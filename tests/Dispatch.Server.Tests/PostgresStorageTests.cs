using Dispatch.Contracts.V1;
using Dispatch.Server.Hosting;
using Dispatch.Server.Tests.Infrastructure;
using Dispatch.Storage;
using Dispatch.Tests.Postgres;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>The server on PostgreSQL (Storage:Provider=Postgres), and the storage settings that stop a start.</summary>
[Collection(PrivatePostgresCollection.Name)]
public sealed class PostgresStorageTests(PrivatePostgres postgres)
{
    [Fact]
    public async Task A_server_on_postgres_stores_a_pushed_batch_reads_it_back_and_answers_a_replay_with_the_first_answer()
    {
        var target = (StorageTarget.PostgresSchema)postgres.NewSchema();
        using var server = new DispatchServerFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = postgres.ConnectionString,
                ["Storage:Schema"] = target.Schema,
            },
        };
        var client = server.CreateIntakeClient();

        using var call = client.PushOrders(deadline: Deadlines.Soon);
        await call.RequestStream.WriteAsync(Batches.Valid("B-1", count: 4));
        await call.RequestStream.WriteAsync(Batches.Valid("B-2", count: 2));
        await call.RequestStream.CompleteAsync();
        var answers = await call.ResponseStream.ReadAllAsync().ToListAsync();
        var again = await client.SubmitBatchAsync(Batches.Valid("B-1", count: 3), deadline: Deadlines.Soon);

        Assert.Equal([(4, false), (2, false)], answers.Select(a => (a.AcceptedCount, a.Replayed)));
        Assert.Equal((4, true), (again.AcceptedCount, again.Replayed));
        var listed = await client.ListOrdersAsync(new ListOrdersRequest { PageSize = 100 }, deadline: Deadlines.Soon);
        Assert.Equal(["B-1-1", "B-1-2", "B-1-3", "B-1-4", "B-2-1", "B-2-2"], listed.Orders.Select(o => o.OrderId));
        var order = await client.GetOrderAsync(new GetOrderRequest { OrderId = "B-1-3" }, deadline: Deadlines.Soon);
        Assert.Equal(("H-L1-A-3", OrderStatus.Received), (order.HouseholdId, order.Status));

        // In the schema, not in a SQLite file.
        Assert.Equal(6, await new OrderStore(DispatchDatabase.For(target)).CountOrdersAsync(CancellationToken.None));
        Assert.False(File.Exists(server.DatabasePath));
    }

    [Theory]
    [InlineData("Oracle", "", "", "Storage:Provider must be Sqlite or Postgres, was 'Oracle'")]
    [InlineData("Postgres", "", "district_a", "Storage:Provider is Postgres but Storage:ConnectionString is empty")]
    [InlineData("Postgres", "Host=127.0.0.1;Database=dispatch", "", "Storage:Schema must not be empty")]
    [InlineData("Postgres", "Host=127.0.0.1;Database=dispatch", "District-A", "Storage:Schema must hold lower-case letters")]
    [InlineData("Postgres", "Host=127.0.0.1;Password=s3cret", "district_a", "Storage:ConnectionString: the PostgreSQL connection string must name a Host and a Database")]
    [InlineData("Sqlite", "", "district_a", "Storage:ConnectionString and Storage:Schema are for Storage:Provider=Postgres")]
    [InlineData("Sqlite", "Host=127.0.0.1;Database=dispatch", "", "Storage:ConnectionString and Storage:Schema are for Storage:Provider=Postgres")]
    public void Storage_settings_that_do_not_fit_together_stop_the_start_saying_which(string provider, string connectionString, string schema, string expected)
    {
        var settings = new StorageOptions { Provider = provider, ConnectionString = connectionString, Schema = schema };

        var error = Assert.Throws<ServerConfigurationException>(() => StorageTargetSettings.Read(settings));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_provider_names_are_read_without_regard_to_case()
    {
        Assert.IsType<StorageTarget.SqliteFile>(StorageTargetSettings.Read(new StorageOptions { Provider = "sqlite" }));
        var target = Assert.IsType<StorageTarget.PostgresSchema>(StorageTargetSettings.Read(new StorageOptions { Provider = "postgres", ConnectionString = "Host=h;Database=d", Schema = "district_a" }));
        Assert.Equal("district_a", target.Schema);
    }
}
