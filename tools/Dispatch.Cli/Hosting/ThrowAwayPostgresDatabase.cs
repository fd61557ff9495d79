using Npgsql;

namespace Dispatch.Cli.Hosting;

/// <summary>
/// A fresh database for one benchmark run on a PostgreSQL the caller gave (<c>--postgres</c>), so its cluster
/// membership and district schemas start empty; dropped (its sessions ended) when disposed, synchronously so that can
/// run while the process exits.
/// </summary>
public sealed class ThrowAwayPostgresDatabase : IDisposable
{
    private readonly string _server;
    private readonly string _name;
    private int _disposed;

    private ThrowAwayPostgresDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public string Name => _name;

    public static async Task<ThrowAwayPostgresDatabase> CreateAsync(string connectionString, string purpose, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        string name = $"bench_{purpose}_{Guid.NewGuid():N}"[..(7 + purpose.Length + 12)];
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        string server = builder.ConnectionString;
        builder.Database = name;
        return new ThrowAwayPostgresDatabase(server, name, builder.ConnectionString);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
