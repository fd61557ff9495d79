using System.Collections.Concurrent;
using Dispatch.Storage;

namespace Dispatch.Server.Planning;

/// <summary>
/// Stored plans, with the latest version of each day kept in memory: a district day's plan is tens of
/// megabytes of JSON, too much to read back for every gate or volunteer request.
/// </summary>
public sealed class PlanBook(PlanStore store)
{
    private readonly ConcurrentDictionary<(string DistrictId, int Day), VersionedPlan> _latest = new();
    private TaskCompletionSource _nextSave = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next plan version (of any day) is stored: take it before reading, then await it.</summary>
    public Task NextSave => Volatile.Read(ref _nextSave).Task;

    public async Task<VersionedPlan> SaveAsync(Dispatch.Planning.District.Plan plan, long createdAtUnixSeconds, CancellationToken cancellationToken)
    {
        int version = await store.SaveAsync(plan.DistrictId, plan.Day, createdAtUnixSeconds, PlanDocument.Write(plan), cancellationToken);
        var saved = new VersionedPlan(plan, version, createdAtUnixSeconds);
        _latest.AddOrUpdate((plan.DistrictId, plan.Day), saved, (_, current) => current.Version > version ? current : saved);
        Interlocked.Exchange(ref _nextSave, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return saved;
    }

    /// <summary>The given version, or the latest when <paramref name="version"/> is 0; null when there is none.</summary>
    public async Task<VersionedPlan?> FindAsync(string districtId, int day, int version, CancellationToken cancellationToken)
    {
        if (_latest.TryGetValue((districtId, day), out var cached) && (version == 0 || version == cached.Version))
        {
            return cached;
        }

        var stored = await store.FindAsync(districtId, day, version, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var loaded = new VersionedPlan(PlanDocument.Read(stored.Document), stored.Version, stored.CreatedAtUnixSeconds);
        if (version == 0)
        {
            _latest.AddOrUpdate((districtId, day), loaded, (_, current) => current.Version > loaded.Version ? current : loaded);
        }

        return loaded;
    }
}
