using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dispatch.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "batches",
                columns: table => new
                {
                    SupermarketId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BatchId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    GridId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    OrderCount = table.Column<int>(type: "integer", nullable: false),
                    AcceptedCount = table.Column<int>(type: "integer", nullable: false),
                    RejectionsJson = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ReceivedAtUnixSeconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batches", x => new { x.SupermarketId, x.BatchId });
                });

            migrationBuilder.CreateTable(
                name: "issued_keys",
                columns: table => new
                {
                    KeyHash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SubjectId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    IssuedAtUnixSeconds = table.Column<long>(type: "bigint", nullable: false),
                    LinkTokenHash = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issued_keys", x => x.KeyHash);
                });

            migrationBuilder.CreateTable(
                name: "live_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SubjectId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Document = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AtUnixSeconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "order_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AtUnixSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    OrderId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SupermarketId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SupermarketOrderId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BatchId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    GridId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    HouseholdId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    MeatAndVegetable = table.Column<int>(type: "integer", nullable: false),
                    Vegetable = table.Column<int>(type: "integer", nullable: false),
                    RiceAndFlour = table.Column<int>(type: "integer", nullable: false),
                    Medicine = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAtUnixSeconds = table.Column<long>(type: "bigint", nullable: false),
                    StatusChangedAtUnixSeconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    DistrictId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUnixSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Document = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => new { x.DistrictId, x.Day, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "sign_in_links",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    VolunteerId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CreatedAtUnixSeconds = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAtUnixSeconds = table.Column<long>(type: "bigint", nullable: false),
                    RedeemedAtUnixSeconds = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_links", x => x.TokenHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_live_reports_DistrictId_Day",
                table: "live_reports",
                columns: new[] { "DistrictId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_order_events_OrderId",
                table: "order_events",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_orders_GridId_Day",
                table: "orders",
                columns: new[] { "GridId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_SupermarketId_SupermarketOrderId",
                table: "orders",
                columns: new[] { "SupermarketId", "SupermarketOrderId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "batches");

            migrationBuilder.DropTable(
                name: "issued_keys");

            migrationBuilder.DropTable(
                name: "live_reports");

            migrationBuilder.DropTable(
                name: "order_events");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "sign_in_links");
        }
    }
}
