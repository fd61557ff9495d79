using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SignInLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "issued_keys",
                columns: table => new
                {
                    KeyHash = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedAtUnixSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkTokenHash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issued_keys", x => x.KeyHash);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_links",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUnixSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAtUnixSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    RedeemedAtUnixSeconds = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_links", x => x.TokenHash);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "issued_keys");

            migrationBuilder.DropTable(
                name: "sign_in_links");
        }
    }
}
