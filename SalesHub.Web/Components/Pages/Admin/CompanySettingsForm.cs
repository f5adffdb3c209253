using SalesHub.Core.Company;
using SalesHub.Core.Inventory;
using SalesHub.Core.Quoting;

namespace SalesHub.Web.Components.Pages.Admin;

/// <summary>The company settings as the page edits them: one property per field, bound to the inputs.</summary>
public sealed class CompanySettingsForm
{
    public string LegalNameZh { get; set; } = "";

    public string LegalNameEn { get; set; } = "";

    public string? AddressZh { get; set; }

    public string? AddressEn { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public string? TaxNumber { get; set; }

    public string? BankName { get; set; }

    public string? BankAccount { get; set; }

    public string CurrencyCode { get; set; } = "";

    public string CurrencySymbol { get; set; } = "";

    public TaxRounding TaxRounding { get; set; }

    public bool PricesIncludeTax { get; set; }

    public int QuoteValidityDays { get; set; }

    public string? QuoteTermsZh { get; set; }

    public string? QuoteTermsEn { get; set; }

    public decimal RepMaxDiscountPercent { get; set; }

    public decimal ManagerMaxDiscountPercent { get; set; }

    public decimal AdminMaxDiscountPercent { get; set; }

    public ReservationMode ReservationMode { get; set; }

    public bool WinOpportunityOnConfirm { get; set; }

    public int ContractReminderDays { get; set; }

    public static CompanySettingsForm From(CompanyDetails d) => new()
    {
        LegalNameZh = d.LegalNameZh,
        LegalNameEn = d.LegalNameEn,
        AddressZh = d.AddressZh,
        AddressEn = d.AddressEn,
        Phone = d.Phone,
        Email = d.Email,
        Website = d.Website,
        TaxNumber = d.TaxNumber,
        BankName = d.BankName,
        BankAccount = d.BankAccount,
        CurrencyCode = d.CurrencyCode,
        CurrencySymbol = d.CurrencySymbol,
        TaxRounding = d.TaxRounding,
        PricesIncludeTax = d.PricesIncludeTax,
        QuoteValidityDays = d.QuoteValidityDays,
        QuoteTermsZh = d.QuoteTermsZh,
        QuoteTermsEn = d.QuoteTermsEn,
        RepMaxDiscountPercent = d.RepMaxDiscountPercent,
        ManagerMaxDiscountPercent = d.ManagerMaxDiscountPercent,
        AdminMaxDiscountPercent = d.AdminMaxDiscountPercent,
        ReservationMode = d.ReservationMode,
        WinOpportunityOnConfirm = d.WinOpportunityOnConfirm,
        ContractReminderDays = d.ContractReminderDays,
    };

    public CompanyDetails ToDetails() => new(
        LegalNameZh, LegalNameEn, AddressZh, AddressEn, Phone, Email, Website, TaxNumber, BankName, BankAccount,
        CurrencyCode, CurrencySymbol, TaxRounding, PricesIncludeTax, QuoteValidityDays, QuoteTermsZh, QuoteTermsEn,
        RepMaxDiscountPercent, ManagerMaxDiscountPercent, AdminMaxDiscountPercent, ReservationMode, WinOpportunityOnConfirm, ContractReminderDays);
}
