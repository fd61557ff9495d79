using Dispatch.Domain.Orders;
using Dispatch.Storage.Rows;
using LinqToDB;
using LinqToDB.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage;

/// <summary>
/// The live day's reports (stops, availability, arrivals), so a restarted server acts on what already happened.
/// A report is stored with the order status changes it causes in one transaction: never one without the other.
/// Reports are opaque documents here, by kind and subject.
/// </summary>
public sealed class LiveReportStore(DispatchDatabase database)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <param name="historyOnly">The changes are entries in the orders' histories (an audit note) and move no current status.</param>
    public async Task AppendAsync(LiveReport report, IReadOnlyList<OrderStatusChange> changes, CancellationToken cancellationToken, bool historyOnly = false)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var db = database.Open();
            await using var connection = db.CreateLinqToDBConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.InsertAsync(
                new LiveReportRow
                {
                    DistrictId = report.DistrictId,
                    Day = report.Day,
                    Kind = report.Kind,
                    SubjectId = report.SubjectId,
                    Document = report.Document,
                    AtUnixSeconds = report.AtUnixSeconds,
                },
                token: cancellationToken);
            if (changes.Count > 0)
            {
                await OrderStore.WriteStatusChangesAsync(connection, changes, cancellationToken, historyOnly);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The day's reports in the order they were stored.</summary>
    public async Task<IReadOnlyList<LiveReport>> OfDayAsync(string districtId, int day, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.LiveReports.AsNoTracking()
            .Where(r => r.DistrictId == districtId && r.Day == day)
            .OrderBy(r => r.Id)
            .Select(r => new LiveReport(r.DistrictId, r.Day, r.Kind, r.SubjectId, r.Document, r.AtUnixSeconds))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>One stored live report: what kind, about whom (a delivery, a volunteer, a truck's load), and its document.</summary>
public sealed record LiveReport(string DistrictId, int Day, string Kind, string SubjectId, string Document, long AtUnixSeconds);
