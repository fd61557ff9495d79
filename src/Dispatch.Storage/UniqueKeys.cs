using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dispatch.Storage;

/// <summary>Whether a write failed on a unique key (a stored batch id or order id), on either database.</summary>
internal static class UniqueKeys
{
    private const int SqliteConstraintError = 19;

    public static bool Violated(Exception e)
    {
        for (Exception? at = e; at is not null; at = at.InnerException)
        {
            if (at is SqliteException { SqliteErrorCode: SqliteConstraintError } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }
}
