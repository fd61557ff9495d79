using System.Text.RegularExpressions;
using Npgsql;

namespace Dispatch.Storage;

/// <summary>
/// Where the engine's tables live: a SQLite file (the default, one process, one district) or one schema of a
/// PostgreSQL database (a city: one schema per district, see <see cref="DistrictSchema"/>).
/// </summary>
public abstract partial record StorageTarget
{
    private StorageTarget()
    {
    }

    public static StorageTarget Sqlite(string databasePath) => new SqliteFile(databasePath);

    /// <inheritdoc cref="PostgresSchema(string, string)"/>
    public static StorageTarget Postgres(string connectionString, string schema) => new PostgresSchema(connectionString, schema);

    /// <summary>A SQLite database file; a relative path is taken from the current directory.</summary>
    public sealed record SqliteFile : StorageTarget
    {
        public SqliteFile(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("the SQLite database path must not be empty", nameof(path));
            }

            Path = System.IO.Path.GetFullPath(path);
        }

        /// <summary>The full path of the file.</summary>
        public string Path { get; }
    }

    /// <summary>
    /// One schema of a PostgreSQL database: every table and the migrations history live in it (the connection's
    /// search path is that schema alone), so districts sharing a database never see each other's rows.
    /// </summary>
    public sealed record PostgresSchema : StorageTarget
    {
        /// <param name="connectionString">An Npgsql connection string (Host, Port, Username, Database, ...); it must not set another search path.</param>
        /// <param name="schema">Lower-case letters, digits and '_', not starting with a digit or pg_, at most 63 characters.</param>
        /// <exception cref="ArgumentException">The connection string does not parse or sets another search path, or the schema name breaks the rules.</exception>
        public PostgresSchema(string connectionString, string schema)
        {
            if (SchemaProblem(schema) is { } problem)
            {
                throw new ArgumentException($"schema name {problem}", nameof(schema));
            }

            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException e)
            {
                // Npgsql's message names the keyword, not the value: no password is repeated.
                throw new ArgumentException($"the PostgreSQL connection string does not parse: {e.Message}", nameof(connectionString));
            }

            if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
            {
                throw new ArgumentException("the PostgreSQL connection string must name a Host and a Database", nameof(connectionString));
            }

            if (!string.IsNullOrEmpty(builder.SearchPath) && builder.SearchPath != schema)
            {
                throw new ArgumentException("the PostgreSQL connection string sets a Search Path: leave it out, the schema is given apart", nameof(connectionString));
            }

            builder.SearchPath = schema;
            ConnectionString = builder.ConnectionString;
            Schema = schema;
            Host = builder.Host;
            Port = builder.Port;
            Database = builder.Database;
        }

        /// <summary>The connection string with the schema as its search path.</summary>
        public string ConnectionString { get; }

        public string Schema { get; }

        public string Host { get; }

        public int Port { get; }

        public string Database { get; }

        // The connection string may hold a password: never print it.
        protected override bool PrintMembers(System.Text.StringBuilder builder)
        {
            builder.Append($"Host = {Host}, Port = {Port}, Database = {Database}, Schema = {Schema}");
            return true;
        }

        public static string? SchemaProblem(string? schema)
        {
            if (string.IsNullOrEmpty(schema))
            {
                return "must not be empty";
            }

            if (schema.Length > MaxSchemaLength)
            {
                return $"must be at most {MaxSchemaLength} characters (PostgreSQL cuts longer names), was {schema.Length}";
            }

            if (!SchemaName().IsMatch(schema) || schema.StartsWith("pg_", StringComparison.Ordinal))
            {
                return "must hold lower-case letters, digits and '_' only, and not start with a digit or pg_";
            }

            return null;
        }
    }

    /// <summary>PostgreSQL's longest identifier, in bytes; the names here are ASCII.</summary>
    public const int MaxSchemaLength = 63;

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
