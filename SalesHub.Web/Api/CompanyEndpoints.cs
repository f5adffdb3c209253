using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using SalesHub.Core.Company;
using SalesHub.Core.Inventory;
using SalesHub.Core.Quoting;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>New company settings flat in the body (every field: a missing one is taken as empty), based on the version the caller last read.</summary>
public sealed record CompanyUpdateRequest : CompanyDetails
{
    [Required]
    public long? Version { get; init; }
}

/// <summary>Each role's largest line discount without approval, in percent.</summary>
public sealed record DiscountLimits(decimal SalesRep, decimal SalesManager, decimal Admin);

/// <summary>
/// The company settings as the API shows them: identity, currency, tax and quote defaults, and the
/// caller's own discount limit; administrators also see every role's limit. It lists the fields of
/// <see cref="CompanyDetails"/> rather than deriving from it, so that each role's limit stays out of what a
/// rep reads and the JSON keeps its order; CompanyResourceTests fails when a details field is not shown here.
/// </summary>
public sealed record CompanyResource(
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
    ReservationMode ReservationMode,
    bool WinOpportunityOnConfirm,
    int ContractReminderDays,
    bool HasLogo,
    decimal MaxDiscountPercent,
    DiscountLimits? DiscountLimits,
    long Version)
{
    public static CompanyResource For(Actor actor, CompanySnapshot s)
    {
        var d = s.Details;
        return new(
            d.LegalNameZh, d.LegalNameEn, d.AddressZh, d.AddressEn, d.Phone, d.Email, d.Website, d.TaxNumber, d.BankName, d.BankAccount,
            d.CurrencyCode, d.CurrencySymbol, d.TaxRounding, d.PricesIncludeTax, d.QuoteValidityDays, d.QuoteTermsZh, d.QuoteTermsEn,
            d.ReservationMode, d.WinOpportunityOnConfirm, d.ContractReminderDays, s.HasLogo, s.MaxDiscountPercentFor(actor.Role),
            actor.IsAdmin ? new DiscountLimits(d.RepMaxDiscountPercent, d.ManagerMaxDiscountPercent, d.AdminMaxDiscountPercent) : null,
            s.Version);
    }
}

internal static class CompanyEndpoints
{
    public static void MapCompanyEndpoints(this RouteGroupBuilder api)
    {
        var company = api.MapGroup("/company").WithTags("Company");

        company.MapGet("/", GetAsync)
            .WithName("GetCompany")
            .WithSummary("The company's details, currency and tax settings, and the caller's own maximum line discount.")
            .Produces<CompanyResource>();

        company.MapPut("/", UpdateAsync)
            .WithName("UpdateCompany")
            .WithSummary("Replaces the company settings (administrators only); a stale version is refused with 409.")
            .Produces<CompanyResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        company.MapGet("/logo", LogoAsync)
            .WithName("GetCompanyLogo")
            .WithSummary("The company's logo image.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The logo for the signed-in app (the settings page's preview, the letterhead), at /company/logo.</summary>
    public static void MapCompanyLogo(this IEndpointRouteBuilder app) =>
        app.MapGet("/company/logo", LogoAsync).ExcludeFromDescription();

    private static async Task<CompanyResource> GetAsync(ClaimsPrincipal user, CompanySettings settings, CancellationToken cancellationToken) =>
        CompanyResource.For(Actor.From(user), await settings.GetAsync(cancellationToken));

    private static async Task<CompanyResource> UpdateAsync(CompanyUpdateRequest request, ClaimsPrincipal user, CompanySettings settings, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var saved = await settings.UpdateAsync(actor, request, RequiredField.Of(request.Version, "version"), cancellationToken);
        return CompanyResource.For(actor, saved);
    }

    private static async Task<IResult> LogoAsync(HttpContext context, CompanySettings settings, CancellationToken cancellationToken)
    {
        if (await settings.GetLogoAsync(cancellationToken) is not { } logo)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-cache";
        return Results.File(logo.Content, logo.ContentType);
    }
}
