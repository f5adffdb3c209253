using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Customers;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Core.Leads;

/// <summary>
/// How to convert a lead: based on the version the user read; into <see cref="ExistingCustomerId"/>
/// when the user chose a customer duplicate detection found, else into a new customer (refused with
/// <see cref="LikelyDuplicateException"/> while likely duplicates exist, unless <see cref="IgnoreDuplicates"/>).
/// </summary>
public sealed record LeadConversionRequest(long ExpectedVersion, int? ExistingCustomerId = null, bool IgnoreDuplicates = false);

public sealed record LeadConversionResult(int CustomerId, int ContactId, bool CreatedCustomer);

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
    public Task<LeadConversionResult> ConvertAsync(Actor actor, int leadId, LeadConversionRequest request, CancellationToken cancellationToken = default) =>
        ConvertAsync(actor, leadId, request, null, cancellationToken);

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
