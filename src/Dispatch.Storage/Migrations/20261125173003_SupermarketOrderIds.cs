using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SupermarketOrderIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SupermarketOrderId",
                table: "orders",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Orders stored before ids were scoped were unique across supermarkets: each keeps its id, as its own
            // id and as the engine-wide one that stored plans and histories already use.
            migrationBuilder.Sql("UPDATE orders SET SupermarketOrderId = OrderId;");

            migrationBuilder.CreateIndex(
                name: "IX_orders_SupermarketId_SupermarketOrderId",
                table: "orders",
                columns: new[] { "SupermarketId", "SupermarketOrderId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_SupermarketId_SupermarketOrderId",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "SupermarketOrderId",
                table: "orders");
        }
    }
}
