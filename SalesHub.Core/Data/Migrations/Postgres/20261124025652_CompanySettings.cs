using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesHub.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompanySettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CompanyProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    LegalNameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalNameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddressZh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AddressEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Website = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TaxNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BankName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BankAccount = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CurrencyCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CurrencySymbol = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    TaxRounding = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PricesIncludeTax = table.Column<bool>(type: "boolean", nullable: false),
                    QuoteValidityDays = table.Column<int>(type: "integer", nullable: false),
                    QuoteTermsZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    QuoteTermsEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepMaxDiscountPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    ManagerMaxDiscountPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    AdminMaxDiscountPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    LogoKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LogoContentType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyProfiles", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "CompanyProfiles",
                columns: new[] { "Id", "AddressEn", "AddressZh", "AdminMaxDiscountPercent", "BankAccount", "BankName", "CurrencyCode", "CurrencySymbol", "Email", "LegalNameEn", "LegalNameZh", "LogoContentType", "LogoKey", "ManagerMaxDiscountPercent", "Phone", "PricesIncludeTax", "QuoteTermsEn", "QuoteTermsZh", "QuoteValidityDays", "RepMaxDiscountPercent", "TaxNumber", "TaxRounding", "Version", "Website" },
                values: new object[] { 1, null, null, 100m, null, null, "CNY", "¥", null, "", "", null, null, 30m, null, false, null, null, 30, 10m, null, "PerLine", 1L, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompanyProfiles");
        }
    }
}
