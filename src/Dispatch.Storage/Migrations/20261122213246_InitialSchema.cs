using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Storage.Migrations
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
                    SupermarketId = table.Column<string>(type: "TEXT", nullable: false),
                    BatchId = table.Column<string>(type: "TEXT", nullable: false),
                    GridId = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAtUnixSeconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batches", x => new { x.SupermarketId, x.BatchId });
                });

            migrationBuilder.CreateTable(
                name: "order_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUnixSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    OrderId = table.Column<string>(type: "TEXT", nullable: false),
                    SupermarketId = table.Column<string>(type: "TEXT", nullable: false),
                    BatchId = table.Column<string>(type: "TEXT", nullable: false),
                    GridId = table.Column<string>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    MeatAndVegetable = table.Column<int>(type: "INTEGER", nullable: false),
                    Vegetable = table.Column<int>(type: "INTEGER", nullable: false),
                    RiceAndFlour = table.Column<int>(type: "INTEGER", nullable: false),
                    Medicine = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAtUnixSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusChangedAtUnixSeconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.OrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_order_events_OrderId",
                table: "order_events",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_orders_GridId_Day",
                table: "orders",
                columns: new[] { "GridId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_SupermarketId_Day",
                table: "orders",
                columns: new[] { "SupermarketId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "batches");

            migrationBuilder.DropTable(
                name: "order_events");

            migrationBuilder.DropTable(
                name: "orders");
        }
    }
}
