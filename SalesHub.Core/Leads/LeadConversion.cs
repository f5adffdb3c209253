using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;

namespace SalesHub.Core.Leads;

/// <summary>
/// How to convert a lead: based on the version the user read; into <see cref="ExistingCustomerId"/>
/// when the user chose a customer duplicate detection found, else into a new customer (refused with
/// <see cref="LikelyDuplicateException"/> while likely duplicates exist, unless <see cref="IgnoreDuplicates"/>);
/// with <see cref="Deal"/>, the customer's deal is created in the same step.
/// </summary>
public sealed record LeadConversionRequest(long ExpectedVersion, int? ExistingCustomerId = null, bool IgnoreDuplicates = false, LeadDeal? Deal = null);

/// <summary>The deal a conversion creates, owned by the lead's owner; in <see cref="StageId"/>, or the first open stage.</summary>
public sealed record LeadDeal(string Name, decimal Amount, DateOnly ExpectedCloseDate, int? StageId = null);

public sealed record LeadConversionResult(int CustomerId, int ContactId, bool CreatedCustomer, int? OpportunityId = null);

/// <summary>
/// What a conversion has made so far, saved but not committed: a further step (the opportunity) adds
/// its records to <see cref="Db"/>, and they are saved and committed with the rest, or nothing is.
/// </summary>
public sealed record LeadConversionStep(SalesHubDbContext Db, Actor Actor, Lead Lead, Customer Customer, Contact Contact);

/// <summary>
/// Turns a qualified lead into a customer and its contact in one unit of work (转化): the customer is
/// new, or one that already exists; the lead becomes Converted and points at the customer.
/// </summary>
public sealed class LeadConversion(IDbContextFactory<SalesHubDbContext> dbFactory)
{
    /// <summary>The conversion, with the request's deal (if any) created in the same unit of work.</summary>
    public async Task<LeadConversionResult> ConvertAsync(Actor actor, int leadId, LeadConversionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Deal is not { } deal)
        {
            return await ConvertAsync(actor, leadId, request, null, cancellationToken);
        }

        Opportunity? created = null;
        var result = await ConvertAsync(actor, leadId, request, async (step, token) =>
        {
            var stageId = deal.StageId ?? await OpportunityBook.FirstOpenStageIdAsync(step.Db, token);
            created = await OpportunityBook.AddAsync(step.Db, step.Lead.OwnerId!.Value,
                new OpportunityDraft(step.Customer.Id, deal.Name, deal.Amount, deal.ExpectedCloseDate, stageId), step.Db.Clock.GetUtcNow(), token);
        }, cancellationToken);
        return result with { OpportunityId = created?.Id };
    }

    /// <summary>
    /// The conversion with <paramref name="alsoCreate"/> run inside the same transaction after the customer,
    /// contact and lead are in place — where the opportunity is created.
    /// </summary>
    public async Task<LeadConversionResult> ConvertAsync(
        Actor actor, int leadId, LeadConversionRequest request, Func<LeadConversionStep, CancellationToken, Task>? alsoCreate, CancellationToken cancellationToken)
    {
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
            : (await NewCustomerAsync(db, lead, ownerId, request.IgnoreDuplicates, cancellationToken), true);
        var contact = ContactFor(customer, lead);
        customer.RefreshSearchText();
        await db.SaveChangesAsync(cancellationToken);

        lead.MarkConverted(customer.Id, db.Clock.GetUtcNow());
        if (alsoCreate is not null)
        {
            await alsoCreate(new LeadConversionStep(db, actor, lead, customer, contact), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LeadConversionResult(customer.Id, contact.Id, created);
    }

    private static async Task<Customer> NewCustomerAsync(SalesHubDbContext db, Lead lead, int ownerId, bool ignoreDuplicates, CancellationToken cancellationToken)
    {
        var customer = new Customer();
        customer.Describe(new CustomerDetails(
            lead.Company ?? lead.Name,
            lead.Company is null ? CustomerKind.Individual : CustomerKind.Company,
            lead.Industry, lead.Province, lead.City, null, lead.Source.ToString(), null, CustomerStatus.Prospect, lead.Notes));
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
