using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesHub.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpportunityOwnerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OwnerId_StageId",
                table: "Opportunities",
                columns: new[] { "OwnerId", "StageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Opportunities_OwnerId_StageId",
                table: "Opportunities");
        }
    }
}
