using Npgsql;

namespace Dispatch.Server.Cluster;

/// <summary>
/// The tables and named queries Orleans' ADO.NET clustering and reminders read and write in PostgreSQL, created when missing.
/// The provider's contract (query keys, parameter and column names, "a count above 0 means done") is Orleans'; the
/// statements are ours: each write is one statement, so it commits whole or not at all, and a write that depends on
/// the table version locks the version row first, so two silos joining at once cannot both win.
/// </summary>
public static class OrleansTables
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey varchar(64) PRIMARY KEY,
            querytext varchar(8000) NOT NULL);
        CREATE TABLE IF NOT EXISTS orleansmembershipversiontable (
            deploymentid varchar(150) PRIMARY KEY,
            timestamp timestamptz(3) NOT NULL DEFAULT now(),
            version integer NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS orleansmembershiptable (
            deploymentid varchar(150) NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
            address varchar(45) NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            siloname varchar(150) NOT NULL,
            hostname varchar(150) NOT NULL,
            status integer NOT NULL,
            proxyport integer NULL,
            suspecttimes varchar(8000) NULL,
            metadatajson text NULL,
            starttime timestamptz(3) NOT NULL,
            iamalivetime timestamptz(3) NOT NULL,
            PRIMARY KEY (deploymentid, address, port, generation));
        CREATE TABLE IF NOT EXISTS orleansreminderstable (
            serviceid varchar(150) NOT NULL,
            grainid varchar(150) NOT NULL,
            remindername varchar(150) NOT NULL,
            starttime timestamptz(3) NOT NULL,
            period bigint NOT NULL,
            cronexpression varchar(200) NULL,
            nextdueutc timestamptz(3) NULL,
            lastfireutc timestamptz(3) NULL,
            priority smallint NOT NULL DEFAULT 0,
            action smallint NOT NULL DEFAULT 0,
            grainhash integer NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (serviceid, grainid, remindername));
        CREATE INDEX IF NOT EXISTS orleansreminderstable_hash ON orleansreminderstable (serviceid, grainhash);
        """;

    private const string ReminderColumns = """
        grainid AS GrainId, remindername AS ReminderName, starttime AS StartTime, period AS Period,
        cronexpression AS CronExpression, nextdueutc AS NextDueUtc, lastfireutc AS LastFireUtc, priority AS Priority,
        action AS Action, version AS Version
        """;

    private const string MemberColumns = """
        v.deploymentid AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
        m.siloname AS SiloName, m.hostname AS HostName, m.status AS Status, m.proxyport AS ProxyPort,
        m.suspecttimes AS SuspectTimes, m.metadatajson AS MetadataJson, m.starttime AS StartTime,
        m.iamalivetime AS IAmAliveTime, v.version AS Version
        """;

    // Orleans 10.4's provider sends no MetadataJson parameter: the column stays (later providers fill it), unset here.
    private static readonly Dictionary<string, string> s_queries = new(StringComparer.Ordinal)
    {
        ["InsertMembershipVersionKey"] = """
            WITH added AS (
                INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
                ON CONFLICT (deploymentid) DO NOTHING RETURNING 1)
            SELECT count(*)::int FROM added;
            """,
        ["InsertMembershipKey"] = """
            WITH expected AS (
                SELECT deploymentid FROM orleansmembershipversiontable
                WHERE deploymentid = @DeploymentId AND version = @Version FOR UPDATE),
            added AS (
                INSERT INTO orleansmembershiptable
                    (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
                SELECT deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
                FROM expected
                ON CONFLICT (deploymentid, address, port, generation) DO NOTHING RETURNING deploymentid),
            bumped AS (
                UPDATE orleansmembershipversiontable SET version = version + 1, timestamp = now()
                WHERE deploymentid IN (SELECT deploymentid FROM added) RETURNING 1)
            SELECT count(*)::int FROM bumped;
            """,
        ["UpdateMembershipKey"] = """
            WITH expected AS (
                SELECT deploymentid FROM orleansmembershipversiontable
                WHERE deploymentid = @DeploymentId AND version = @Version FOR UPDATE),
            changed AS (
                UPDATE orleansmembershiptable m
                SET status = @Status, suspecttimes = @SuspectTimes, iamalivetime = @IAmAliveTime
                FROM expected
                WHERE m.deploymentid = expected.deploymentid AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING m.deploymentid),
            bumped AS (
                UPDATE orleansmembershipversiontable SET version = version + 1, timestamp = now()
                WHERE deploymentid IN (SELECT deploymentid FROM changed) RETURNING 1)
            SELECT count(*)::int FROM bumped;
            """,
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE orleansmembershiptable SET iamalivetime = @IAmAliveTime
            WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
            """,
        ["MembershipReadRowKey"] = $"""
            SELECT {MemberColumns}
            FROM orleansmembershipversiontable v
            LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deploymentid = @DeploymentId;
            """,
        ["MembershipReadAllKey"] = $"""
            SELECT {MemberColumns}
            FROM orleansmembershipversiontable v
            LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
            WHERE v.deploymentid = @DeploymentId;
            """,
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
            DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
            """,
        ["GatewaysQueryKey"] = """
            SELECT address AS Address, proxyport AS ProxyPort, generation AS Generation
            FROM orleansmembershiptable
            WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
            """,

        // Dead silos' rows (status 6) that stopped heartbeating before the cut-off; never a live silo's (3 = active).
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM orleansmembershiptable
            WHERE deploymentid = @DeploymentId AND iamalivetime < @IAmAliveTime AND status <> 3;
            """,

        // Reminders: period reminders only (ours keep districts with a live day active); cron fields stay unset.
        ["UpsertReminderRowKey"] = """
            INSERT INTO orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period::bigint, @GrainHash, 0)
            ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
            SET starttime = EXCLUDED.starttime, period = EXCLUDED.period, grainhash = EXCLUDED.grainhash,
                version = orleansreminderstable.version + 1
            RETURNING version AS Version;
            """,
        ["ReadReminderRowsKey"] = $"""
            SELECT {ReminderColumns} FROM orleansreminderstable
            WHERE serviceid = @ServiceId AND grainid = @GrainId;
            """,
        ["ReadReminderRowKey"] = $"""
            SELECT {ReminderColumns} FROM orleansreminderstable
            WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;
            """,

        // A silo reads the reminders of its ring range: (begin, end], or both ends of the ring when it wraps.
        ["ReadRangeRows1Key"] = $"""
            SELECT {ReminderColumns} FROM orleansreminderstable
            WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;
            """,
        ["ReadRangeRows2Key"] = $"""
            SELECT {ReminderColumns} FROM orleansreminderstable
            WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);
            """,
        ["DeleteReminderRowKey"] = """
            WITH removed AS (
                DELETE FROM orleansreminderstable
                WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName AND version = @Version
                RETURNING 1)
            SELECT count(*)::int FROM removed;
            """,
        ["DeleteReminderRowsKey"] = """
            DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId;
            """,
    };

    /// <summary>Creates what is missing and sets every query to this version's text; safe to run from several silos at once.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Silos starting together would race on CREATE TABLE IF NOT EXISTS (it is not atomic in PostgreSQL).
        await using (var lockSchema = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7164239)", connection, transaction))
        {
            await lockSchema.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(Tables, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (key, text) in s_queries)
        {
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO orleansquery (querykey, querytext) VALUES (@key, @text) ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext",
                connection,
                transaction);
            upsert.Parameters.AddWithValue("key", key);
            upsert.Parameters.AddWithValue("text", text);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
