using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesHub.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The customer search index as CustomerSearch.SqliteCreate defined it when this migration was made.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "CustomerSearch" USING fts5("SearchText", content='', contentless_delete=1, tokenize='trigram')""");
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "CustomerSearchTerms" USING fts5vocab("CustomerSearch", 'row')""");
            migrationBuilder.Sql("""INSERT INTO "CustomerSearch"(rowid, "SearchText") SELECT "Id", ' ' || "SearchText" || ' ' FROM "Customers" """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CustomerSearch_Insert" AFTER INSERT ON "Customers" BEGIN
                    INSERT INTO "CustomerSearch"(rowid, "SearchText") VALUES (new."Id", ' ' || new."SearchText" || ' ');
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CustomerSearch_Update" AFTER UPDATE OF "SearchText" ON "Customers" BEGIN
                    UPDATE "CustomerSearch" SET "SearchText" = ' ' || new."SearchText" || ' ' WHERE rowid = new."Id";
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CustomerSearch_Delete" AFTER DELETE ON "Customers" BEGIN
                    DELETE FROM "CustomerSearch" WHERE rowid = old."Id";
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "CustomerSearch_Delete" """);
            migrationBuilder.Sql("""DROP TRIGGER "CustomerSearch_Update" """);
            migrationBuilder.Sql("""DROP TRIGGER "CustomerSearch_Insert" """);
            migrationBuilder.Sql("""DROP TABLE "CustomerSearchTerms" """);
            migrationBuilder.Sql("""DROP TABLE "CustomerSearch" """);
        }
    }
}
