using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Core.Leads;

/// <summary>
/// How to convert a lead: based on the version the user read, with the customer's first <see cref="Deal"/>;
/// into <see cref="ExistingCustomerId"/> when the user chose a customer duplicate detection found, else into
/// a new customer (refused with <see cref="LikelyDuplicateException"/> while likely duplicates exist, unless
/// <see cref="IgnoreDuplicates"/>). A new customer's source is free text that users read and edit, so it
/// takes the lead's source as <see cref="SourceName"/> names it in the converting user's language.
/// </summary>
public sealed record LeadConversionRequest(
    long ExpectedVersion, LeadDeal Deal, Func<LeadSource, string> SourceName, int? ExistingCustomerId = null, bool IgnoreDuplicates = false);

/// <summary>The deal a conversion creates, owned by the lead's owner; in <see cref="StageId"/>, or the first open stage.</summary>
public sealed record LeadDeal(string Name, decimal Amount, DateOnly ExpectedCloseDate, int? StageId = null);

public sealed record LeadConversionResult(int CustomerId, int ContactId, bool CreatedCustomer, int OpportunityId);

/// <summary>
/// Turns a qualified lead into a customer, its contact and its first deal in one unit of work (转化): the
/// customer is new, or one that already exists; the lead becomes Converted and points at the customer.
/// </summary>
public sealed class LeadConversion(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    public async Task<LeadConversionResult> ConvertAsync(Actor actor, int leadId, LeadConversionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deal = request.Deal ?? throw new DomainException("Errors.Required") { Field = "opportunity" };
        await using var db = await dbFactory.CreateForAsync(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lead = await LeadAccess.EditableAsync(db, actor, leadId, request.ExpectedVersion, cancellationToken);
        if (lead.OwnerId is not { } ownerId)
        {
            throw new DomainException("Leads.ClaimBeforeConverting");
        }

        if (lead.Status != LeadStatus.Qualified)
        {
            throw new DomainException(lead.Status == LeadStatus.Converted ? "Leads.AlreadyConverted" : "Leads.NotQualified") { Field = "status" };
        }

        var (customer, created) = request.ExistingCustomerId is { } existingId
            ? (await CustomerAccess.EditableAsync(db, actor, existingId, null, cancellationToken, withParts: true), false)
            : (await NewCustomerAsync(db, lead, ownerId, request.SourceName(lead.Source), request.IgnoreDuplicates, cancellationToken), true);
        var contact = ContactFor(customer, lead);
        customer.RefreshSearchText();
        await db.SaveChangesAsync(cancellationToken);

        lead.MarkConverted(customer.Id, db.Clock.GetUtcNow());
        var stageId = deal.StageId ?? await OpportunityBook.FirstOpenStageIdAsync(db, cancellationToken);
        var opportunity = await OpportunityBook.AddAsync(db, ownerId,
            new OpportunityDraft(customer.Id, deal.Name, deal.Amount, deal.ExpectedCloseDate, stageId), db.Clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LeadConversionResult(customer.Id, contact.Id, created, opportunity.Id);
    }

    private static async Task<Customer> NewCustomerAsync(
        SalesHubDbContext db, Lead lead, int ownerId, string source, bool ignoreDuplicates, CancellationToken cancellationToken)
    {
        var customer = new Customer();
        customer.Describe(new CustomerDetails(
            lead.Company ?? lead.Name,
            lead.Company is null ? CustomerKind.Individual : CustomerKind.Company,
            lead.Industry, lead.Province, lead.City, null, source, null, CustomerStatus.Prospect, lead.Notes));
        customer.AssignTo(ownerId);
        if (!ignoreDuplicates)
        {
            var matches = await DuplicateDetection.FindAsync(db, DuplicateCandidate.From(customer.Name, [lead.Phone], [lead.Email]), cancellationToken);
            if (matches.Count > 0)
            {
                throw new LikelyDuplicateException(matches);
            }
        }

        db.Customers.Add(customer);
        return customer;
    }

    /// <summary>The lead's person as a contact of <paramref name="customer"/>: one already there with the same phone or e-mail, or a new one.</summary>
    private static Contact ContactFor(Customer customer, Lead lead)
    {
        var existing = customer.Contacts.FirstOrDefault(c =>
            (lead.PhoneDigits != "" && (c.MobileDigits == lead.PhoneDigits || c.OfficePhoneDigits == lead.PhoneDigits))
            || (lead.EmailKey != "" && c.EmailKey == lead.EmailKey));
        if (existing is not null)
        {
            return existing;
        }

        var contact = new Contact();
        contact.Describe(new ContactDetails(lead.Name, lead.Title, lead.Phone, null, lead.Email, lead.WeChatId, IsPrimary: !customer.Contacts.Any(c => c.IsPrimary)));
        customer.Contacts.Add(contact);
        return contact;
    }
}
