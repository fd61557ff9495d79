using Dispatch.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage;

/// <summary>
/// Plans by district, day and version. The plan itself is an opaque document here (Storage knows nothing of
/// the planner); each save is the next version of that day, so every earlier plan stays readable.
/// </summary>
public sealed class PlanStore(DispatchDatabase database)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Stores the document as the day's next version and returns that version (1 for the first).</summary>
    public async Task<int> SaveAsync(string districtId, int day, long createdAtUnixSeconds, byte[] document, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = database.Open();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Another process saving the same day (a district moving between silos) waits here, not for a clash on the version.
            await database.LockForWritingAsync<PlanRow>(db, cancellationToken);
            int latest = await db.Plans.Where(p => p.DistrictId == districtId && p.Day == day).Select(p => (int?)p.Version).MaxAsync(cancellationToken) ?? 0;
            db.Plans.Add(new PlanRow { DistrictId = districtId, Day = day, Version = latest + 1, CreatedAtUnixSeconds = createdAtUnixSeconds, Document = document });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return latest + 1;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Deletes the day's versions after <paramref name="afterVersion"/> up to and including <paramref name="throughVersion"/>; returns how many.</summary>
    public async Task<int> DeleteVersionsAsync(string districtId, int day, int afterVersion, int throughVersion, CancellationToken cancellationToken)
    {
        if (throughVersion <= afterVersion)
        {
            return 0;
        }

        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = database.Open();
            return await db.Plans.Where(p => p.DistrictId == districtId && p.Day == day && p.Version > afterVersion && p.Version <= throughVersion).ExecuteDeleteAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The last day of the district that has a plan, or null when none has.</summary>
    public async Task<int?> LatestDayAsync(string districtId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Plans.AsNoTracking().Where(p => p.DistrictId == districtId).Select(p => (int?)p.Day).MaxAsync(cancellationToken);
    }

    /// <summary>The given version, or the latest when <paramref name="version"/> is 0; null when there is none.</summary>
    public async Task<StoredPlan?> FindAsync(string districtId, int day, int version, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var plans = db.Plans.AsNoTracking().Where(p => p.DistrictId == districtId && p.Day == day);
        var row = version > 0
            ? await plans.SingleOrDefaultAsync(p => p.Version == version, cancellationToken)
            : await plans.OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredPlan(row.DistrictId, row.Day, row.Version, row.CreatedAtUnixSeconds, row.Document);
    }
}

/// <summary>A stored plan version and its document.</summary>
public sealed record StoredPlan(string DistrictId, int Day, int Version, long CreatedAtUnixSeconds, byte[] Document);
