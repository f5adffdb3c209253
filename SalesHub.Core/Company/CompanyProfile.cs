using System.Text.RegularExpressions;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Inventory;
using SalesHub.Core.Quoting;
using SalesHub.Core.Records;
using SalesHub.Core.Security;

namespace SalesHub.Core.Company;

/// <summary>
/// What an administrator sets about the company itself: who it is (for the quote's letterhead and
/// footer), its money and tax rules, what a new quote starts with, and how far each role may
/// discount a line before a manager has to approve.
/// </summary>
public record CompanyDetails(
    string LegalNameZh,
    string LegalNameEn,
    string? AddressZh,
    string? AddressEn,
    string? Phone,
    string? Email,
    string? Website,
    string? TaxNumber,
    string? BankName,
    string? BankAccount,
    string CurrencyCode,
    string CurrencySymbol,
    TaxRounding TaxRounding,
    bool PricesIncludeTax,
    int QuoteValidityDays,
    string? QuoteTermsZh,
    string? QuoteTermsEn,
    decimal RepMaxDiscountPercent,
    decimal ManagerMaxDiscountPercent,
    decimal AdminMaxDiscountPercent,
    ReservationMode ReservationMode = ReservationMode.AllOrNothing,
    bool WinOpportunityOnConfirm = true,
    int ContractReminderDays = 30)
{
    /// <summary>Empty details, for a request that carries them flat beside its own fields and sets them one by one.</summary>
    protected CompanyDetails()
        : this("", "", null, null, null, null, null, null, null, null, "", "", default, false, 0, null, null, 0, 0, 0)
    {
    }

    /// <summary>The largest line discount, in percent, a user of <paramref name="role"/> may give without approval; 0 for an unknown role.</summary>
    public decimal MaxDiscountPercentFor(string? role) => role switch
    {
        Roles.SalesRep => RepMaxDiscountPercent,
        Roles.SalesManager => ManagerMaxDiscountPercent,
        Roles.Admin => AdminMaxDiscountPercent,
        _ => 0m,
    };

    /// <summary>A line discount above the role's limit needs the approval of someone whose limit covers it.</summary>
    public bool RequiresApproval(string? role, decimal discountPercent) => discountPercent > MaxDiscountPercentFor(role);
}

/// <summary>The company's single settings row (id 1, created by the first migration). Versioned and audited.</summary>
public sealed partial class CompanyProfile : IVersioned, IAudited
{
    public const int SingletonId = 1;
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 300;
    public const int FieldMaxLength = 100;
    public const int TermsMaxLength = 4000;
    public const int CurrencySymbolMaxLength = 5;
    public const int MaxQuoteValidityDays = 365;

    public int Id { get; private set; } = SingletonId;

    public long Version { get; set; }

    public string LegalNameZh { get; private set; } = "";

    public string LegalNameEn { get; private set; } = "";

    public string? AddressZh { get; private set; }

    public string? AddressEn { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? Website { get; private set; }

    /// <summary>The tax registration number (税号, unified social credit code).</summary>
    public string? TaxNumber { get; private set; }

    public string? BankName { get; private set; }

    public string? BankAccount { get; private set; }

    /// <summary>ISO 4217 code, three capital letters.</summary>
    public string CurrencyCode { get; private set; } = "CNY";

    public string CurrencySymbol { get; private set; } = "¥";

    public TaxRounding TaxRounding { get; private set; } = TaxRounding.PerLine;

    /// <summary>Whether a new quote's prices are entered tax-included.</summary>
    public bool PricesIncludeTax { get; private set; }

    public int QuoteValidityDays { get; private set; } = 30;

    public string? QuoteTermsZh { get; private set; }

    public string? QuoteTermsEn { get; private set; }

    public decimal RepMaxDiscountPercent { get; private set; } = 10m;

    public decimal ManagerMaxDiscountPercent { get; private set; } = 30m;

    public decimal AdminMaxDiscountPercent { get; private set; } = 100m;

    /// <summary>What confirming an order does when its stock is short: refuse (all or nothing) or reserve what there is.</summary>
    public ReservationMode ReservationMode { get; private set; } = ReservationMode.AllOrNothing;

    /// <summary>Whether confirming the order of an opportunity's quote moves that opportunity to Won.</summary>
    public bool WinOpportunityOnConfirm { get; private set; } = true;

    /// <summary>How many days before its end a new contract's owner is reminded to renew it, unless the contract says otherwise.</summary>
    public int ContractReminderDays { get; private set; } = 30;

    /// <summary>The logo's file name in the logo folder (a random key, never the uploaded name); null when there is none.</summary>
    public string? LogoKey { get; private set; }

    public string? LogoContentType { get; private set; }

    public CompanyDetails Details => new(
        LegalNameZh, LegalNameEn, AddressZh, AddressEn, Phone, Email, Website, TaxNumber, BankName, BankAccount,
        CurrencyCode, CurrencySymbol, TaxRounding, PricesIncludeTax, QuoteValidityDays, QuoteTermsZh, QuoteTermsEn,
        RepMaxDiscountPercent, ManagerMaxDiscountPercent, AdminMaxDiscountPercent, ReservationMode, WinOpportunityOnConfirm, ContractReminderDays);

    /// <summary>Takes the details after checking every one of them; nothing changes when one is refused.</summary>
    public void Describe(CompanyDetails details)
    {
        var legalNameZh = details.LegalNameZh?.Trim() ?? "";
        var legalNameEn = details.LegalNameEn?.Trim() ?? "";
        if (legalNameZh.Length == 0 && legalNameEn.Length == 0)
        {
            throw new DomainException("Company.NameRequired") { Field = "legalNameZh" };
        }

        var checkedDetails = details with
        {
            LegalNameZh = TextRules.Optional(legalNameZh, NameMaxLength, "legalNameZh") ?? "",
            LegalNameEn = TextRules.Optional(legalNameEn, NameMaxLength, "legalNameEn") ?? "",
            AddressZh = TextRules.Optional(details.AddressZh, AddressMaxLength, "addressZh"),
            AddressEn = TextRules.Optional(details.AddressEn, AddressMaxLength, "addressEn"),
            Phone = TextRules.Optional(details.Phone, FieldMaxLength, "phone"),
            Email = TextRules.Optional(details.Email, FieldMaxLength, "email"),
            Website = TextRules.Optional(details.Website, NameMaxLength, "website"),
            TaxNumber = TextRules.Optional(details.TaxNumber, FieldMaxLength, "taxNumber"),
            BankName = TextRules.Optional(details.BankName, NameMaxLength, "bankName"),
            BankAccount = TextRules.Optional(details.BankAccount, FieldMaxLength, "bankAccount"),
            CurrencyCode = details.CurrencyCode?.Trim() ?? "",
            CurrencySymbol = TextRules.Required(details.CurrencySymbol, CurrencySymbolMaxLength, "currencySymbol", "Company.CurrencySymbolRequired"),
            QuoteTermsZh = TextRules.Optional(details.QuoteTermsZh, TermsMaxLength, "quoteTermsZh"),
            QuoteTermsEn = TextRules.Optional(details.QuoteTermsEn, TermsMaxLength, "quoteTermsEn"),
        };
        Require(checkedDetails);

        (LegalNameZh, LegalNameEn, AddressZh, AddressEn, Phone, Email, Website, TaxNumber, BankName, BankAccount) =
            (checkedDetails.LegalNameZh, checkedDetails.LegalNameEn, checkedDetails.AddressZh, checkedDetails.AddressEn, checkedDetails.Phone,
                checkedDetails.Email, checkedDetails.Website, checkedDetails.TaxNumber, checkedDetails.BankName, checkedDetails.BankAccount);
        (CurrencyCode, CurrencySymbol, TaxRounding, PricesIncludeTax, QuoteValidityDays, QuoteTermsZh, QuoteTermsEn) =
            (checkedDetails.CurrencyCode, checkedDetails.CurrencySymbol, checkedDetails.TaxRounding, checkedDetails.PricesIncludeTax,
                checkedDetails.QuoteValidityDays, checkedDetails.QuoteTermsZh, checkedDetails.QuoteTermsEn);
        (RepMaxDiscountPercent, ManagerMaxDiscountPercent, AdminMaxDiscountPercent) =
            (checkedDetails.RepMaxDiscountPercent, checkedDetails.ManagerMaxDiscountPercent, checkedDetails.AdminMaxDiscountPercent);
        (ReservationMode, WinOpportunityOnConfirm, ContractReminderDays) =
            (checkedDetails.ReservationMode, checkedDetails.WinOpportunityOnConfirm, checkedDetails.ContractReminderDays);
    }

    public void UseLogo(string? key, string? contentType) => (LogoKey, LogoContentType) = (key, key is null ? null : contentType);

    private static void Require(CompanyDetails details)
    {
        if (details.Phone is not null && !CustomerMatching.IsValidPhone(details.Phone))
        {
            throw new DomainException("Company.InvalidPhone") { Field = "phone" };
        }

        if (details.Email is not null && !CustomerMatching.IsValidEmail(details.Email))
        {
            throw new DomainException("Company.InvalidEmail") { Field = "email" };
        }

        if (!CurrencyCodeFormat().IsMatch(details.CurrencyCode))
        {
            throw new DomainException("Company.InvalidCurrencyCode") { Field = "currencyCode" };
        }

        if (!Enum.IsDefined(details.TaxRounding))
        {
            throw new DomainException("Errors.InvalidValue") { Field = "taxRounding" };
        }

        if (!Enum.IsDefined(details.ReservationMode))
        {
            throw new DomainException("Errors.InvalidValue") { Field = "reservationMode" };
        }

        if (details.QuoteValidityDays is < 1 or > MaxQuoteValidityDays)
        {
            throw new DomainException("Company.InvalidValidityDays", MaxQuoteValidityDays) { Field = "quoteValidityDays" };
        }

        if (details.ContractReminderDays is < 0 or > Contracts.Contract.MaxReminderDays)
        {
            throw new DomainException("Contracts.InvalidReminderDays", Contracts.Contract.MaxReminderDays) { Field = "contractReminderDays" };
        }

        MoneyConversion.RequirePercent(details.RepMaxDiscountPercent, "repMaxDiscountPercent", "Company.InvalidDiscountLimit");
        MoneyConversion.RequirePercent(details.ManagerMaxDiscountPercent, "managerMaxDiscountPercent", "Company.InvalidDiscountLimit");
        MoneyConversion.RequirePercent(details.AdminMaxDiscountPercent, "adminMaxDiscountPercent", "Company.InvalidDiscountLimit");
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCodeFormat();
}
