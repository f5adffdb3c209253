using System.Security.Claims;
using System.ComponentModel.DataAnnotations;
using SalesHub.Core.Customers;
using SalesHub.Core.Orders;
using SalesHub.Core.Security;
using SalesHub.Web.Customers;

namespace SalesHub.Web.Api;

/// <summary>
/// A customer's details flat in the request body, beside what creating and changing a customer add:
/// the body is the <see cref="CustomerDetails"/> Core takes.
/// </summary>
public abstract record CustomerFields : CustomerDetails
{
    public IReadOnlyList<int>? TagIds { get; init; }

    /// <summary>When true, likely duplicates do not stop the save (the caller has looked at them).</summary>
    public bool IgnoreDuplicates { get; init; }
}

/// <summary>A new customer; the owner is the caller unless <see cref="OwnerId"/> says otherwise.</summary>
public sealed record NewCustomerRequest : CustomerFields
{
    public int? OwnerId { get; init; }

    public ContactFields? PrimaryContact { get; init; }
}

/// <summary>A customer's new details and tags, based on the version the caller last read.</summary>
public sealed record CustomerUpdateRequest : CustomerFields
{
    [Required]
    public long? Version { get; init; }
}

public sealed record SharingRequest(IReadOnlyList<int>? UserIds);

public sealed record DuplicateCheckRequest(string? Name, IReadOnlyList<string?>? Phones, IReadOnlyList<string?>? Emails, int? ExceptId);

public sealed record AssignRequest(IReadOnlyList<int>? Ids, int OwnerId);

public sealed record AssignResult(int Assigned);

public sealed record TransferRequest(int FromUserId, int ToUserId);

public sealed record TransferResult(int Transferred);

/// <summary>A customer's profile as the API shows it: its details flat, with owner, tags, sharing and figures.</summary>
public sealed record CustomerResource(
    int Id,
    string Name,
    CustomerKind Kind,
    string? Industry,
    string? Province,
    string? City,
    string? Address,
    string? Source,
    int? GradeId,
    string? GradeName,
    string? GradeColor,
    CustomerStatus Status,
    string? Notes,
    int OwnerId,
    string OwnerName,
    IReadOnlyList<TagChip> Tags,
    IReadOnlyList<UserChip> SharedWith,
    CustomerFigures Figures,
    bool CanEdit,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CustomerResource From(CustomerProfile p) => new(
        p.Id, p.Details.Name, p.Details.Kind, p.Details.Industry, p.Details.Province, p.Details.City, p.Details.Address, p.Details.Source,
        p.Details.GradeId, p.GradeName, p.GradeColor, p.Details.Status, p.Details.Notes, p.OwnerId, p.OwnerName, p.Tags, p.SharedWith,
        p.Figures, p.CanEdit, p.Version, p.CreatedAt, p.UpdatedAt);
}

internal static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");

        customers.MapGet("/", ListAsync)
            .WithName("ListCustomers")
            .WithSummary("Customers the caller sees, one page at a time; sort by a field name, \"-\" in front for descending.")
            .Produces<Page<CustomerRow>>()
            .ProducesValidationProblem();

        customers.MapGet("/{id:int}", GetAsync)
            .WithName("GetCustomer")
            .WithSummary("A customer's profile.")
            .Produces<CustomerResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapGet("/{id:int}/purchases", (int id, int? page, int? pageSize, ClaimsPrincipal user, CustomerPurchases purchases, CancellationToken cancellationToken) =>
                purchases.ProductsAsync(Actor.From(user), id, page ?? 1, pageSize ?? 50, cancellationToken))
            .WithName("ListCustomerPurchases")
            .WithSummary("The products a customer bought in its confirmed-or-later orders: quantity, amount (tax included), last order date and order count, largest amount first.")
            .Produces<Page<PurchasedProductRow>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapPost("/", CreateAsync)
            .WithName("CreateCustomer")
            .WithSummary("Creates a customer, refusing likely duplicates (409 with \"duplicates\") unless ignoreDuplicates is true.")
            .Produces<CustomerResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        customers.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateCustomer")
            .WithSummary("Changes a customer's details and tags; a stale version is refused with 409.")
            .Produces<CustomerResource>()
            .ProducesEditProblems();

        customers.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeleteCustomer")
            .WithSummary("Moves a customer to the recycle bin.")
            .ProducesDeleteResults();

        customers.MapPut("/{id:int}/sharing", ShareAsync)
            .WithName("ShareCustomer")
            .WithSummary("Replaces the users the customer is shared with.")
            .Produces<CustomerResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapPost("/duplicates/check", CheckDuplicatesAsync)
            .WithName("CheckCustomerDuplicates")
            .WithSummary("Customers that look like the one being entered; ones the caller may not see come without id and name.")
            .Produces<IReadOnlyList<DuplicateMatch>>();

        customers.MapPost("/assign", AssignAsync)
            .WithName("AssignCustomers")
            .WithSummary("Gives customers to another owner: all of them, or none when one may not be edited.")
            .Produces<AssignResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        customers.MapPost("/transfer", TransferAsync)
            .WithName("TransferCustomers")
            .WithSummary("Gives every customer of one user that the caller manages to another, as when a rep leaves.")
            .Produces<TransferResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static Task<Page<CustomerRow>> ListAsync(CustomerListQuery query, ClaimsPrincipal user, CustomerDirectory directory, CancellationToken cancellationToken) =>
        directory.ListAsync(Actor.From(user), query.Value, cancellationToken);

    private static async Task<CustomerResource> GetAsync(int id, ClaimsPrincipal user, CustomerDirectory directory, CancellationToken cancellationToken) =>
        CustomerResource.From(await directory.GetAsync(Actor.From(user), id, cancellationToken));

    private static async Task<IResult> CreateAsync(NewCustomerRequest request, ClaimsPrincipal user, CustomerDirectory directory, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await directory.CreateAsync(
            actor,
            new NewCustomer(request, request.OwnerId, request.TagIds, request.PrimaryContact?.ToDetails(), request.IgnoreDuplicates),
            cancellationToken);
        var profile = CustomerResource.From(await directory.GetAsync(actor, id, cancellationToken));
        return TypedResults.Created($"/api/v1/customers/{id}", profile);
    }

    private static async Task<CustomerResource> UpdateAsync(
        int id, CustomerUpdateRequest request, ClaimsPrincipal user, CustomerDirectory directory, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var changes = new CustomerChanges(request, request.TagIds ?? [], RequiredField.Of(request.Version, "version"), request.IgnoreDuplicates);
        await directory.UpdateAsync(actor, id, changes, cancellationToken);
        return CustomerResource.From(await directory.GetAsync(actor, id, cancellationToken));
    }

    private static async Task<IResult> DeleteAsync(int id, long? version, ClaimsPrincipal user, CustomerDirectory directory, CancellationToken cancellationToken)
    {
        await directory.DeleteAsync(Actor.From(user), id, RequiredField.Of(version, "version"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<CustomerResource> ShareAsync(
        int id, SharingRequest request, ClaimsPrincipal user, CustomerDirectory directory, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await directory.ShareAsync(actor, id, request.UserIds ?? [], cancellationToken);
        return CustomerResource.From(await directory.GetAsync(actor, id, cancellationToken));
    }

    private static Task<IReadOnlyList<DuplicateMatch>> CheckDuplicatesAsync(
        DuplicateCheckRequest request, ClaimsPrincipal user, DuplicateDetection duplicates, CancellationToken cancellationToken) =>
        duplicates.FindAsync(
            Actor.From(user),
            DuplicateCandidate.From(request.Name, request.Phones ?? [], request.Emails ?? [], request.ExceptId),
            cancellationToken);

    private static async Task<AssignResult> AssignAsync(AssignRequest request, ClaimsPrincipal user, CustomerDirectory directory, CancellationToken cancellationToken) =>
        new(await directory.AssignAsync(Actor.From(user), request.Ids ?? [], request.OwnerId, cancellationToken));

    private static async Task<TransferResult> TransferAsync(TransferRequest request, ClaimsPrincipal user, CustomerDirectory directory, CancellationToken cancellationToken) =>
        new(await directory.TransferAllAsync(Actor.From(user), request.FromUserId, request.ToUserId, cancellationToken));
}
