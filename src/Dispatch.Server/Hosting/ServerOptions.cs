namespace Dispatch.Server.Hosting;

/// <summary>
/// Settings under "Storage": SQLite (the default: a file) or PostgreSQL (a connection string and a schema).
/// Relative paths are taken from the current directory.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string SqliteProvider = "Sqlite";

    public const string PostgresProvider = "Postgres";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>. Override with <c>Storage__Provider</c>.</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>SQLite database file (Provider Sqlite only); default <c>data/dispatch.db</c>. Override with <c>Storage__DatabasePath</c>.</summary>
    public string DatabasePath { get; set; } = "data/dispatch.db";

    /// <summary>
    /// Npgsql connection string (Provider Postgres only), e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres;Database=dispatch</c>;
    /// without a search path. Override with <c>Storage__ConnectionString</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The PostgreSQL schema the tables live in (Provider Postgres only; created if missing): lower-case letters, digits
    /// and '_'. A city gives each district its own (<c>district_</c> + the district id with '-' as '_').
    /// Override with <c>Storage__Schema</c>.
    /// </summary>
    public string Schema { get; set; } = "";

    /// <summary>
    /// Gate re-plans during a day each store the whole district plan as a version (about 0.75 MB for the seeded day):
    /// only the latest this many of them are kept, besides every district plan (<c>PlanDistrictDay</c>). 0 keeps all.
    /// Default 200.
    /// </summary>
    public int KeepLiveVersions { get; set; } = 200;
}

/// <summary>Settings under "Scenario": the district the server serves.</summary>
public sealed class ScenarioOptions
{
    public const string Section = "Scenario";

    /// <summary>A scenario folder (scenario.json + households.csv); default the shipped <c>seeds/jining-high-tech</c>.</summary>
    public string Path { get; set; } = "seeds/jining-high-tech";
}

/// <summary>Settings under "Intake": bounds on batches and messages.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Orders per batch above which a batch is refused whole; default 10,000.</summary>
    public int MaxOrdersPerBatch { get; set; } = 10_000;

    /// <summary>Largest accepted request message in bytes; default 16 MiB (a 10,000-order batch is about 0.5 MiB).</summary>
    public int MaxReceiveMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Orders one household may have for one plan day, from all supermarkets together; further orders are rejected one
    /// by one. Default 3 (the day's order, a correction, a medicine order); 0 turns the limit off.
    /// </summary>
    public int MaxOrdersPerHouseholdPerDay { get; set; } = 3;
}

/// <summary>
/// Settings under "Limits": what a caller can hold before its key is known (connections, calls on one, anonymous
/// streams). Request bodies are never read before the key is checked, and a message over
/// Intake:MaxReceiveMessageBytes is refused from its length prefix.
/// </summary>
public sealed class ConnectionLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Connections open at once (a gRPC client channel holds one); further ones are closed at once. Default 4,096 (a district has about 1,300 volunteers).</summary>
    public long MaxConnections { get; set; } = 4_096;

    /// <summary>Calls open at once on one HTTP/2 connection; a client opens more connections or waits. Default 100.</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>Streams anyone may open without a key (health watches and reflection together); the next is RESOURCE_EXHAUSTED. Default 32.</summary>
    public int MaxOpenStreamsWithoutKey { get; set; } = 32;

    /// <summary>
    /// Calls that carry a token instead of a key (a household's order page, redeeming a sign-in link) one client
    /// address may make per minute; the next is RESOURCE_EXHAUSTED. Bounds the load one address can cause (guessing a
    /// 128- or 256-bit token is hopeless anyway); high enough for a compound's households behind one NAT address
    /// reconnecting their pages. Default 300.
    /// </summary>
    public int TokenCallsPerMinute { get; set; } = 300;
}

/// <summary>Settings under "Planning".</summary>
public sealed class PlanningOptions
{
    public const string Section = "Planning";

    /// <summary>Use first solutions and short searches (seconds instead of tens of seconds per plan); default false.</summary>
    public bool QuickSearch { get; set; }
}

/// <summary>Settings under "Shutdown": how a stopping server treats the calls it is serving.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>Seconds Kestrel waits for in-flight calls after SIGTERM before it resets them; default 10.</summary>
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>Settings under "Live": the live day's dispatch.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>The key of development settings and tests: the server refuses to start with it outside Development.</summary>
    public const string DevelopmentConfirmationKey = "dispatch-development-key";

    /// <summary>
    /// The server's secret for the households' 6-digit proof codes and their access tokens (<c>Live__ConfirmationKey</c>).
    /// Required outside Development: a random value of at least 32 characters (e.g. <c>openssl rand -base64 32</c>).
    /// Changing it changes every code and token handed out.
    /// </summary>
    public string ConfirmationKey { get; set; } = "";

    /// <summary>Wrong proof codes for one order (by anyone) that lock its confirmation until a supervisor unlocks it; default 5.</summary>
    public int MaxWrongCodesPerOrder { get; set; } = 5;

    /// <summary>Wrong proof codes by one volunteer in the live day that lock their code reports until a supervisor unlocks them; default 20.</summary>
    public int MaxWrongCodesPerVolunteer { get; set; } = 20;

    /// <summary>A truck arriving more than this after its planned arrival re-plans the gate; default 600 s.</summary>
    public int LateAfterSeconds { get; set; } = 600;

    /// <summary>The district's offset from UTC: plan times are seconds from its local midnight. Default +480 (China Standard Time).</summary>
    public int UtcOffsetMinutes { get; set; } = 480;

    /// <summary>
    /// The calendar date (yyyy-MM-dd, district time) of plan day 1, so a day planned ahead is not taken for today.
    /// Unset: the day being delivered is today.
    /// </summary>
    public string? DayOneDate { get; set; }

    /// <summary>Real milliseconds between checks for goods whose rest after disinfection is over (plan clock); default 5,000.</summary>
    public int ReleaseCheckMilliseconds { get; set; } = 5_000;
}
