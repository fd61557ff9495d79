using Npgsql;

namespace Dispatch.Cli.Hosting;

/// <summary>A fresh PostgreSQL schema for one benchmark run (the server creates it), dropped with everything in it after.</summary>
public sealed class ThrowAwaySchema(string connectionString, string purpose) : IAsyncDisposable
{
    public string Name { get; } = $"bench_{purpose}_{Guid.NewGuid():N}"[..(7 + purpose.Length + 12)];

    public async ValueTask DisposeAsync()
    {
        // Pooled connections of the server's schema would hold locks on nothing, but keep sessions open: release them.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
