using Dispatch.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Storage;

/// <summary>
/// The engine's database: orders, the batches they came in, their status history, plans, live reports, sign-in links
/// and the keys they issued. On SQLite as it is; on PostgreSQL as <see cref="PostgresDispatchDbContext"/>, which has
/// its own migrations. Open one through <see cref="DispatchDatabase.Open"/>, which picks the right one.
/// </summary>
public class DispatchDbContext(DbContextOptions<DispatchDbContext> options) : DbContext(options)
{
    public DbSet<OrderRow> Orders => Set<OrderRow>();

    public DbSet<BatchRow> Batches => Set<BatchRow>();

    public DbSet<OrderEventRow> OrderEvents => Set<OrderEventRow>();

    public DbSet<PlanRow> Plans => Set<PlanRow>();

    public DbSet<LiveReportRow> LiveReports => Set<LiveReportRow>();

    public DbSet<SignInLinkRow> SignInLinks => Set<SignInLinkRow>();

    public DbSet<IssuedKeyRow> IssuedKeys => Set<IssuedKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrderRow>(e =>
        {
            e.ToTable("orders");
            e.HasKey(o => o.OrderId);

            // Order ids are unique per supermarket: another supermarket's ids are neither taken nor revealed by ours.
            // This index also serves a supermarket's listing (its leading column), so no supermarket+day index: each
            // index is one more B-tree written per ingested order.
            e.HasIndex(o => new { o.SupermarketId, o.SupermarketOrderId }).IsUnique();

            // A grid's orders of a day: the per-household daily limit at intake, and planning.
            e.HasIndex(o => new { o.GridId, o.Day });
        });

        modelBuilder.Entity<BatchRow>(e =>
        {
            e.ToTable("batches");
            e.HasKey(b => new { b.SupermarketId, b.BatchId });
        });

        modelBuilder.Entity<OrderEventRow>(e =>
        {
            e.ToTable("order_events");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.OrderId);
        });

        modelBuilder.Entity<PlanRow>(e =>
        {
            e.ToTable("plans");
            e.HasKey(p => new { p.DistrictId, p.Day, p.Version });
        });

        modelBuilder.Entity<LiveReportRow>(e =>
        {
            e.ToTable("live_reports");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.DistrictId, r.Day });
        });

        modelBuilder.Entity<SignInLinkRow>(e =>
        {
            e.ToTable("sign_in_links");
            e.HasKey(l => l.TokenHash);
        });

        modelBuilder.Entity<IssuedKeyRow>(e =>
        {
            e.ToTable("issued_keys");
            e.HasKey(k => k.KeyHash);
        });
    }
}
