using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesHub.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadRoundRobinTurns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LeadAssignmentSettings_AspNetUsers_LastRoundRobinUserId",
                table: "LeadAssignmentSettings");

            migrationBuilder.DropIndex(
                name: "IX_LeadAssignmentSettings_LastRoundRobinUserId",
                table: "LeadAssignmentSettings");

            migrationBuilder.DropColumn(
                name: "LastRoundRobinUserId",
                table: "LeadAssignmentSettings");

            migrationBuilder.CreateTable(
                name: "LeadRoundRobinTurns",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastUserId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadRoundRobinTurns", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_LeadRoundRobinTurns_AspNetUsers_LastUserId",
                        column: x => x.LastUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LeadRoundRobinTurns_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LeadRoundRobinTurns_LastUserId",
                table: "LeadRoundRobinTurns",
                column: "LastUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeadRoundRobinTurns");

            migrationBuilder.AddColumn<int>(
                name: "LastRoundRobinUserId",
                table: "LeadAssignmentSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "LeadAssignmentSettings",
                keyColumn: "Id",
                keyValue: 1,
                column: "LastRoundRobinUserId",
                value: null);

            migrationBuilder.CreateIndex(
                name: "IX_LeadAssignmentSettings_LastRoundRobinUserId",
                table: "LeadAssignmentSettings",
                column: "LastRoundRobinUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_LeadAssignmentSettings_AspNetUsers_LastRoundRobinUserId",
                table: "LeadAssignmentSettings",
                column: "LastRoundRobinUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
