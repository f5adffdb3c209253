using Microsoft.EntityFrameworkCore.Migrations;
using SalesHub.Core.Customers;

#nullable disable

namespace SalesHub.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in CustomerSearch.SqliteCreate)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in CustomerSearch.SqliteDrop)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
