using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesHub.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuoteCustomerName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomerName",
                table: "Quotes",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Quotes",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Quotes made before the name was kept on them address their customer as it is named now.
            migrationBuilder.Sql(
                "UPDATE \"Quotes\" SET \"CustomerName\" = COALESCE((SELECT \"Name\" FROM \"Customers\" WHERE \"Customers\".\"Id\" = \"Quotes\".\"CustomerId\"), ''); " +
                "UPDATE \"Quotes\" SET \"SearchText\" = substr(lower(\"CustomerName\"), 1, 200);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CustomerName",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Quotes");
        }
    }
}
