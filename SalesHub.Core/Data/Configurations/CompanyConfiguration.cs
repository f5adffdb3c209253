using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesHub.Core.Company;
using SalesHub.Core.Inventory;
using SalesHub.Core.Quoting;

namespace SalesHub.Core.Data.Configurations;

internal sealed class CompanyProfileConfiguration : IEntityTypeConfiguration<CompanyProfile>
{
    public void Configure(EntityTypeBuilder<CompanyProfile> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LegalNameZh).HasMaxLength(CompanyProfile.NameMaxLength);
        builder.Property(p => p.LegalNameEn).HasMaxLength(CompanyProfile.NameMaxLength);
        builder.Property(p => p.AddressZh).HasMaxLength(CompanyProfile.AddressMaxLength);
        builder.Property(p => p.AddressEn).HasMaxLength(CompanyProfile.AddressMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(CompanyProfile.FieldMaxLength);
        builder.Property(p => p.Email).HasMaxLength(CompanyProfile.FieldMaxLength);
        builder.Property(p => p.Website).HasMaxLength(CompanyProfile.NameMaxLength);
        builder.Property(p => p.TaxNumber).HasMaxLength(CompanyProfile.FieldMaxLength);
        builder.Property(p => p.BankName).HasMaxLength(CompanyProfile.NameMaxLength);
        builder.Property(p => p.BankAccount).HasMaxLength(CompanyProfile.FieldMaxLength);
        builder.Property(p => p.CurrencyCode).HasMaxLength(3);
        builder.Property(p => p.CurrencySymbol).HasMaxLength(CompanyProfile.CurrencySymbolMaxLength);
        builder.Property(p => p.TaxRounding).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ReservationMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.QuoteTermsZh).HasMaxLength(CompanyProfile.TermsMaxLength);
        builder.Property(p => p.QuoteTermsEn).HasMaxLength(CompanyProfile.TermsMaxLength);
        builder.Property(p => p.RepMaxDiscountPercent).HasPrecision(5, 2);
        builder.Property(p => p.ManagerMaxDiscountPercent).HasPrecision(5, 2);
        builder.Property(p => p.AdminMaxDiscountPercent).HasPrecision(5, 2);
        builder.Property(p => p.LogoKey).HasMaxLength(64);
        builder.Property(p => p.LogoContentType).HasMaxLength(20);
        builder.Ignore(p => p.Details);

        // The one row, with the defaults, so that every installation has settings to read.
        builder.HasData(new
        {
            Id = CompanyProfile.SingletonId,
            Version = 1L,
            LegalNameZh = "",
            LegalNameEn = "",
            CurrencyCode = "CNY",
            CurrencySymbol = "¥",
            TaxRounding = TaxRounding.PerLine,
            PricesIncludeTax = false,
            QuoteValidityDays = 30,
            RepMaxDiscountPercent = 10m,
            ManagerMaxDiscountPercent = 30m,
            AdminMaxDiscountPercent = 100m,
            ReservationMode = ReservationMode.AllOrNothing,
            WinOpportunityOnConfirm = true,
            ContractReminderDays = 30,
        });
    }
}
