using System.Security.Claims;
using System.ComponentModel.DataAnnotations;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>What a user fills in about a contact.</summary>
public record ContactFields
{
    public string? Name { get; init; }

    public string? Title { get; init; }

    public string? Mobile { get; init; }

    public string? OfficePhone { get; init; }

    public string? Email { get; init; }

    public string? WeChatId { get; init; }

    public bool IsPrimary { get; init; }

    public ContactDetails ToDetails() => new(Name ?? "", Title, Mobile, OfficePhone, Email, WeChatId, IsPrimary);
}

/// <summary>A contact's new details, based on the version the caller last read.</summary>
public sealed record ContactUpdateRequest : ContactFields
{
    [Required]
    public long? Version { get; init; }
}

internal static class ContactEndpoints
{
    public static void MapContactEndpoints(this RouteGroupBuilder api)
    {
        var ofCustomer = api.MapGroup("/customers/{customerId:int}/contacts").WithTags("Contacts");
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");

        ofCustomer.MapGet("/", ListOfCustomerAsync)
            .WithName("ListCustomerContacts")
            .WithSummary("A customer's contacts, the primary one first.")
            .Produces<Page<ContactRow>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        ofCustomer.MapPost("/", AddAsync)
            .WithName("AddContact")
            .WithSummary("Adds a contact to a customer; a new primary contact takes over from the old one.")
            .Produces<ContactRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapGet("/", SearchAsync)
            .WithName("SearchContacts")
            .WithSummary("Contacts of the customers the caller sees, by name, phone or e-mail.")
            .Produces<Page<ContactRow>>()
            .ProducesValidationProblem();

        contacts.MapGet("/{id:int}", GetAsync)
            .WithName("GetContact")
            .WithSummary("A contact.")
            .Produces<ContactRow>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateContact")
            .WithSummary("Changes a contact; a stale version is refused with 409.")
            .Produces<ContactRow>()
            .ProducesEditProblems();

        contacts.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeleteContact")
            .WithSummary("Moves a contact to the recycle bin.")
            .ProducesDeleteResults();
    }

    private static async Task<Page<ContactRow>> ListOfCustomerAsync(int customerId, ClaimsPrincipal user, CustomerContacts contacts, CancellationToken cancellationToken)
    {
        var items = await contacts.ListAsync(Actor.From(user), customerId, cancellationToken);
        return new Page<ContactRow>(items, items.Count);
    }

    private static async Task<IResult> AddAsync(int customerId, ContactFields request, ClaimsPrincipal user, CustomerContacts contacts, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await contacts.AddAsync(actor, customerId, request.ToDetails(), cancellationToken);
        return TypedResults.Created($"/api/v1/contacts/{id}", await contacts.GetAsync(actor, id, cancellationToken));
    }

    private static Task<Page<ContactRow>> SearchAsync(
        ClaimsPrincipal user, CustomerContacts contacts, CancellationToken cancellationToken, string? search = null, int page = 1, int pageSize = 25) =>
        contacts.SearchAsync(Actor.From(user), search, page, pageSize, cancellationToken);

    private static Task<ContactRow> GetAsync(int id, ClaimsPrincipal user, CustomerContacts contacts, CancellationToken cancellationToken) =>
        contacts.GetAsync(Actor.From(user), id, cancellationToken);

    private static async Task<ContactRow> UpdateAsync(int id, ContactUpdateRequest request, ClaimsPrincipal user, CustomerContacts contacts, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await contacts.UpdateAsync(actor, id, request.ToDetails(), RequiredField.Of(request.Version, "version"), cancellationToken);
        return await contacts.GetAsync(actor, id, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(int id, long? version, ClaimsPrincipal user, CustomerContacts contacts, CancellationToken cancellationToken)
    {
        await contacts.DeleteAsync(Actor.From(user), id, RequiredField.Of(version, "version"), cancellationToken);
        return TypedResults.NoContent();
    }
}
