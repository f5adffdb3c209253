using System.Security.Claims;
using Microsoft.Extensions.Localization;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Leads;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>
/// The lead list's query string: <c>?page=&amp;pageSize=&amp;search=&amp;sort=&amp;status=&amp;source=&amp;ownerId=&amp;pool=&amp;scope=</c>;
/// <c>scope=shared</c> lists only the leads shared with the caller.
/// </summary>
public sealed record LeadListParameters(int? Page, int? PageSize, string? Search, string? Sort, string? Status, string? Source, int? OwnerId, bool? Pool, string? Scope)
{
    public const string SharedScope = "shared";

    public LeadQuery ToQuery()
    {
        var defaults = new LeadQuery();
        return new LeadQuery
        {
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
            Search = Search,
            Sort = Sort,
            Status = string.IsNullOrWhiteSpace(Status) ? null : QueryChoice.Read<LeadStatus>(Status, "status"),
            Source = string.IsNullOrWhiteSpace(Source) ? null : QueryChoice.Read<LeadSource>(Source, "source"),
            OwnerId = OwnerId,
            Pool = Pool,
            SharedWithMe = string.IsNullOrWhiteSpace(Scope) ? false
                : Scope.Trim().Equals(SharedScope, StringComparison.OrdinalIgnoreCase) ? true
                : throw new DomainException("Errors.InvalidValue") { Field = "scope" },
        };
    }
}

/// <summary>
/// A lead as the caller fills it in. Creating: the owner is <see cref="OwnerId"/>, or the company's
/// assignment setting chooses (maybe the pool). Changing: based on <see cref="Version"/>.
/// </summary>
public sealed record LeadRequest(
    string? Name,
    string? Company,
    string? Title,
    string? Phone,
    string? Email,
    string? WeChatId,
    string? Province,
    string? City,
    string? Industry,
    LeadSource? Source,
    string? Notes,
    int? OwnerId,
    bool IgnoreDuplicates,
    long? Version)
{
    public LeadDetails ToDetails() =>
        new(Name ?? "", Company, Title, Phone, Email, WeChatId, Province, City, Industry, Source ?? LeadSource.Other, Notes);
}

public sealed record LeadStatusRequest(LeadStatus? Status, string? Reason, long? Version);

public sealed record LeadVersionRequest(long? Version);

public sealed record LeadAssignRequest(int? OwnerId);

/// <summary>
/// A conversion: into <see cref="CustomerId"/> or a new customer, always with the deal <see cref="Opportunity"/>;
/// a new customer's source is the lead's, named in the caller's language.
/// </summary>
public sealed record LeadConvertRequest(long? Version, int? CustomerId, bool IgnoreDuplicates, LeadDealRequest? Opportunity)
{
    public LeadConversionRequest ToRequest(Func<LeadSource, string> sourceName) =>
        new(RequiredField.Of(Version, "version"),
            Opportunity?.ToDeal() ?? throw new DomainException("Errors.Required") { Field = "opportunity" },
            sourceName, CustomerId, IgnoreDuplicates);
}

/// <summary>The deal a conversion creates: in <see cref="StageId"/>, or the first open stage.</summary>
public sealed record LeadDealRequest(string? Name, decimal? Amount, DateOnly? ExpectedCloseDate, int? StageId)
{
    public LeadDeal ToDeal() =>
        new(Name ?? "", RequiredField.Of(Amount, "amount"), RequiredField.Of(ExpectedCloseDate, "expectedCloseDate"), StageId);
}

/// <summary>A lead as the API shows it: its details flat, with status, owner (null in the pool) and the customer it became.</summary>
public sealed record LeadResource(
    int Id,
    string Name,
    string? Company,
    string? Title,
    string? Phone,
    string? Email,
    string? WeChatId,
    string? Province,
    string? City,
    string? Industry,
    LeadSource Source,
    string? Notes,
    LeadStatus Status,
    string? DisqualifyReason,
    int? OwnerId,
    string? OwnerName,
    int? CustomerId,
    bool CanEdit,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static LeadResource From(LeadProfile p) => new(
        p.Id, p.Details.Name, p.Details.Company, p.Details.Title, p.Details.Phone, p.Details.Email, p.Details.WeChatId, p.Details.Province,
        p.Details.City, p.Details.Industry, p.Details.Source, p.Details.Notes, p.Status, p.DisqualifyReason, p.OwnerId, p.OwnerName,
        p.CustomerId, p.CanEdit, p.Version, p.CreatedAt, p.UpdatedAt);
}

internal static class LeadEndpoints
{
    public static void MapLeadEndpoints(this RouteGroupBuilder api)
    {
        var leads = api.MapGroup("/leads").WithTags("Leads");

        leads.MapGet("/", ListAsync)
            .WithName("ListLeads")
            .WithSummary("Leads the caller sees (their own, their teams', and the pool), one page at a time; pool=true lists only the pool; sort by name, company, status, source, province, industry, createdAt or updatedAt, \"-\" in front for descending. Each row says what the caller may do with it: canEdit, canClaim, canChangeStatus, canConvert, canAssign, canRelease.")
            .Produces<Page<LeadRow>>()
            .ProducesValidationProblem();

        leads.MapGet("/{id:int}", GetAsync)
            .WithName("GetLead")
            .WithSummary("One lead.")
            .Produces<LeadResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        leads.MapPost("/", CreateAsync)
            .WithName("CreateLead")
            .WithSummary("Creates a lead, refusing likely duplicates among customers and leads (409 with \"duplicates\" and \"leads\") unless ignoreDuplicates is true. Without ownerId the assignment setting chooses the owner or the pool.")
            .Produces<LeadResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        leads.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateLead")
            .WithSummary("Changes a lead's details; a stale version is refused with 409.")
            .Produces<LeadResource>()
            .ProducesEditProblems();

        leads.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeleteLead")
            .WithSummary("Moves a lead to the recycle bin.")
            .ProducesDeleteResults();

        leads.MapPost("/{id:int}/restore", RestoreAsync)
            .WithName("RestoreLead")
            .WithSummary("Brings a lead back from the recycle bin; only its owner, the owner's team manager or an administrator may (pooled leads: managers and administrators).")
            .Produces<LeadResource>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        leads.MapPost("/{id:int}/claim", ClaimAsync)
            .WithName("ClaimLead")
            .WithSummary("The caller takes an open lead from the pool; one somebody has already claimed answers 400 with code Leads.AlreadyClaimed, a disqualified or converted one 400 with Leads.ClaimNotOpen.")
            .Produces<LeadResource>()
            .ProducesEditProblems();

        leads.MapPost("/{id:int}/release", ReleaseAsync)
            .WithName("ReleaseLead")
            .WithSummary("Puts an open lead back into the pool.")
            .Produces<LeadResource>()
            .ProducesEditProblems();

        leads.MapPost("/{id:int}/assign", AssignAsync)
            .WithName("AssignLead")
            .WithSummary("Gives a lead to a user; managers within their teams, administrators to anyone.")
            .Produces<LeadResource>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        leads.MapPost("/{id:int}/status", ChangeStatusAsync)
            .WithName("ChangeLeadStatus")
            .WithSummary("Moves a lead to new, contacted, qualified or disqualified (with a reason).")
            .Produces<LeadResource>()
            .ProducesEditProblems();

        leads.MapPost("/{id:int}/convert", ConvertAsync)
            .WithName("ConvertLead")
            .WithSummary("Turns a qualified lead into a customer with its person as contact, or into the existing customer customerId, and into the deal opportunity {name, amount, expectedCloseDate, stageId} (required) owned by the lead's owner (the first open stage unless stageId), all or nothing; a new customer's source is the lead's in the caller's language; likely duplicate customers answer 409 with \"duplicates\".")
            .Produces<LeadConversionResult>()
            .ProducesEditProblems();
    }

    private static Task<Page<LeadRow>> ListAsync([AsParameters] LeadListParameters parameters, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken) =>
        book.ListAsync(Actor.From(user), parameters.ToQuery(), cancellationToken);

    private static async Task<LeadResource> GetAsync(int id, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken) =>
        LeadResource.From(await book.GetAsync(Actor.From(user), id, cancellationToken));

    private static async Task<IResult> CreateAsync(LeadRequest request, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await book.CreateAsync(actor, new NewLead(request.ToDetails(), request.OwnerId, request.IgnoreDuplicates), cancellationToken);
        return TypedResults.Created($"/api/v1/leads/{id}", LeadResource.From(await book.GetAsync(actor, id, cancellationToken)));
    }

    private static Task<LeadResource> UpdateAsync(int id, LeadRequest request, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken) =>
        ThenGetAsync(id, user, book, (actor, b) => b.UpdateAsync(actor, id, new LeadChanges(request.ToDetails(), RequiredField.Of(request.Version, "version"), request.IgnoreDuplicates), cancellationToken), cancellationToken);

    private static async Task<IResult> DeleteAsync(int id, long? version, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken)
    {
        await book.DeleteAsync(Actor.From(user), id, RequiredField.Of(version, "version"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<LeadResource> RestoreAsync(int id, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken) =>
        ThenGetAsync(id, user, book, (actor, b) => b.RestoreAsync(actor, id, cancellationToken), cancellationToken);

    private static Task<LeadResource> ClaimAsync(int id, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken) =>
        ThenGetAsync(id, user, book, (actor, b) => b.ClaimAsync(actor, id, cancellationToken), cancellationToken);

    private static Task<LeadResource> ReleaseAsync(int id, LeadVersionRequest request, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken) =>
        ThenGetAsync(id, user, book, (actor, b) => b.ReleaseAsync(actor, id, RequiredField.Of(request.Version, "version"), cancellationToken), cancellationToken);

    private static Task<LeadResource> AssignAsync(int id, LeadAssignRequest request, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken) =>
        ThenGetAsync(id, user, book, (actor, b) => b.AssignAsync(actor, [id], RequiredField.Of(request.OwnerId, "ownerId"), cancellationToken), cancellationToken);

    private static Task<LeadResource> ChangeStatusAsync(int id, LeadStatusRequest request, ClaimsPrincipal user, LeadBook book, CancellationToken cancellationToken) =>
        ThenGetAsync(id, user, book, (actor, b) => b.ChangeStatusAsync(
            actor, id, RequiredField.Of(request.Status, "status"), request.Reason, RequiredField.Of(request.Version, "version"), cancellationToken), cancellationToken);

    private static Task<LeadConversionResult> ConvertAsync(
        int id, LeadConvertRequest request, ClaimsPrincipal user, LeadConversion conversion, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        conversion.ConvertAsync(Actor.From(user), id, request.ToRequest(source => localizer[$"LeadSource.{source}"]), cancellationToken);

    /// <summary>Does <paramref name="change"/> as the caller, then answers with the lead as they now see it (pooled or theirs).</summary>
    private static async Task<LeadResource> ThenGetAsync(int id, ClaimsPrincipal user, LeadBook book, Func<Actor, LeadBook, Task> change, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await change(actor, book);
        return LeadResource.From(await book.GetAsync(actor, id, cancellationToken));
    }
}
