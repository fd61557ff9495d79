using Dispatch.Storage;

namespace Dispatch.Server.Hosting;

/// <summary>The storage target the "Storage" settings name, or a startup error that says which setting is wrong.</summary>
public static class StorageTargetSettings
{
    public static StorageTarget Read(StorageOptions storage)
    {
        if (string.Equals(storage.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            if (!string.IsNullOrEmpty(storage.ConnectionString) || !string.IsNullOrEmpty(storage.Schema))
            {
                throw new ServerConfigurationException("Storage:ConnectionString and Storage:Schema are for Storage:Provider=Postgres; with Sqlite set Storage:DatabasePath (or set Storage:Provider=Postgres)");
            }

            if (string.IsNullOrWhiteSpace(storage.DatabasePath))
            {
                throw new ServerConfigurationException("Storage:DatabasePath is empty: give the SQLite file's path");
            }

            return StorageTarget.Sqlite(storage.DatabasePath);
        }

        if (!string.Equals(storage.Provider, StorageOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new ServerConfigurationException($"Storage:Provider must be {StorageOptions.SqliteProvider} or {StorageOptions.PostgresProvider}, was '{Domain.Orders.IdText.Quote(storage.Provider)}'");
        }

        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            throw new ServerConfigurationException("Storage:Provider is Postgres but Storage:ConnectionString is empty (e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=dispatch; tools/postgres/start.sh prints one)");
        }

        if (StorageTarget.PostgresSchema.SchemaProblem(storage.Schema) is { } problem)
        {
            throw new ServerConfigurationException($"Storage:Schema {problem} (with Storage:Provider=Postgres the tables live in that schema, e.g. district_jining_high_tech)");
        }

        try
        {
            return StorageTarget.Postgres(storage.ConnectionString, storage.Schema);
        }
        catch (ArgumentException e)
        {
            throw new ServerConfigurationException($"Storage:ConnectionString: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
