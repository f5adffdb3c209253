using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesHub.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_GradeId",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_GradeId_Status_DeletedAt_UpdatedAt",
                table: "Customers",
                columns: new[] { "GradeId", "Status", "DeletedAt", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Status_DeletedAt_UpdatedAt",
                table: "Customers",
                columns: new[] { "Status", "DeletedAt", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_GradeId_Status_DeletedAt_UpdatedAt",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Status_DeletedAt_UpdatedAt",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_GradeId",
                table: "Customers",
                column: "GradeId");
        }
    }
}
