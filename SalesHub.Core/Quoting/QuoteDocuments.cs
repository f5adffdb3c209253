using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Company;
using SalesHub.Core.Data;
using SalesHub.Core.Security;

namespace SalesHub.Core.Quoting;

/// <summary>
/// Builds the printable quote (<see cref="QuoteDocument"/>) for whoever may see the quote: the same
/// visibility and the same totals as <see cref="QuoteBook.GetAsync"/>, plus the letterhead, the
/// customer's address and contact and the rep's details the printout needs.
/// </summary>
public sealed class QuoteDocuments(IDbContextFactory<SalesHubDbContext> dbFactory, QuoteBook quotes, CompanySettings settings)
{
    // Whoever sees the quote sees the customer block printed on it, as they see its name (QuoteBook).
    private static readonly string[] CustomerFilters = [SalesHubDbContext.VisibilityFilter];

    /// <summary>The quote's printout; a quote the actor may not see is not found, as everywhere.</summary>
    public async Task<QuoteDocument> GetAsync(Actor actor, int quoteId, CancellationToken cancellationToken = default)
    {
        var view = await quotes.GetAsync(actor, quoteId, cancellationToken);
        var quote = view.Quote;
        var english = quote.Language == "en";
        var company = await settings.GetAsync(cancellationToken);
        var logo = company.HasLogo ? await settings.GetLogoAsync(cancellationToken) : null;

        await using var db = await dbFactory.CreateForAsync(actor);
        var customer = await db.Customers.IgnoreQueryFilters(CustomerFilters).AsNoTracking()
            .Where(c => c.Id == quote.CustomerId)
            .Select(c => new { c.Province, c.City, c.Address })
            .SingleOrDefaultAsync(cancellationToken);
        var contact = quote.ContactId is { } contactId
            ? await db.Contacts.IgnoreQueryFilters(CustomerFilters).AsNoTracking()
                .Where(c => c.Id == contactId)
                .Select(c => new { c.Name, c.Mobile, c.OfficePhone, c.Email })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        var rep = await db.Users.AsNoTracking()
            .Where(u => u.Id == quote.OwnerId)
            .Select(u => new { u.DisplayName, u.PhoneNumber, u.Email })
            .SingleAsync(cancellationToken);

        var details = company.Details;
        var letterhead = new QuoteLetterhead(
            Pick(english, details.LegalNameEn, details.LegalNameZh) ?? "",
            Pick(english, details.AddressEn, details.AddressZh),
            details, logo, company.Version);
        var customerBlock = new QuoteCustomerBlock(
            quote.CustomerName,
            customer is null ? null : Address(english, customer.Province, customer.City, customer.Address),
            contact?.Name, contact?.Mobile ?? contact?.OfficePhone, contact?.Email);

        var ordered = quote.Lines.OrderBy(l => l.Position).ToList();
        var lines = ordered.Select((line, i) => new QuoteDocumentLine(
            i + 1, line.Sku, Pick(english, line.NameEn, line.NameZh) ?? line.Sku, line.Unit, line.Quantity, line.UnitPrice,
            line.DiscountPercent, line.DiscountAmount, view.Totals.Lines[i].Amount, line.TaxRate)).ToList();

        return new QuoteDocument(
            quote.Id, quote.Version, quote.Number, quote.Revision, quote.Language, quote.Status,
            DateOnly.FromDateTime((quote.SentAt ?? quote.CreatedAt).UtcDateTime), quote.ValidUntil,
            letterhead, customerBlock, new QuoteRepBlock(rep.DisplayName, rep.PhoneNumber, rep.Email),
            lines, view.Totals, quote.PricesIncludeTax, quote.Notes, quote.Terms);
    }

    /// <summary>The text in the quote's language, or the other one when that is empty.</summary>
    private static string? Pick(bool english, string? en, string? zh)
    {
        var (first, second) = english ? (en, zh) : (zh, en);
        return !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : null;
    }

    /// <summary>A Chinese address runs from the province down without spaces; an English one from the street up.</summary>
    private static string? Address(bool english, string? province, string? city, string? street)
    {
        string?[] parts = english ? [street, city, province] : [province, city, street];
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return present.Count == 0 ? null : string.Join(english ? ", " : "", present);
    }
}
