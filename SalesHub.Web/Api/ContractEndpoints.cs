using System.Security.Claims;
using SalesHub.Core.Contracts;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>
/// The contract list's query string: <c>?page=&amp;pageSize=&amp;search=&amp;sort=&amp;status=&amp;customerId=&amp;orderId=&amp;ownerId=&amp;endingWithinDays=</c>.
/// </summary>
public sealed record ContractListParameters(
    int? Page, int? PageSize, string? Search, string? Sort, string? Status, int? CustomerId, int? OrderId, int? OwnerId, int? EndingWithinDays)
{
    public ContractQuery ToQuery()
    {
        var defaults = new ContractQuery();
        return new ContractQuery
        {
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
            Search = Search,
            Sort = Sort,
            Status = string.IsNullOrWhiteSpace(Status) ? null : QueryChoice.Read<ContractStatus>(Status, "status"),
            CustomerId = CustomerId,
            OrderId = OrderId,
            OwnerId = OwnerId,
            EndingWithinDays = EndingWithinDays,
        };
    }
}

/// <summary>A contract as the caller fills it in. The customer and order count only when it is created.</summary>
public sealed record ContractRequest(
    int? CustomerId,
    int? OrderId,
    string? Title,
    DateOnly? SignedOn,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    decimal? Amount,
    int? RenewalReminderDays,
    string? Notes)
{
    public ContractDraft ToDraft() => new(
        RequiredField.Of(CustomerId, "customerId"), OrderId, Title, StartsOn, EndsOn, RequiredField.Of(Amount, "amount"), RenewalReminderDays, SignedOn, Notes);

    public ContractTerms ToTerms() => new(
        Title, StartsOn, EndsOn, RequiredField.Of(Amount, "amount"), RequiredField.Of(RenewalReminderDays, "renewalReminderDays"), SignedOn, Notes);
}

/// <summary>A step in a contract's life, based on the version last read: signing carries the date, terminating the reason.</summary>
public sealed record ContractStepRequest(long? Version, DateOnly? SignedOn, string? Reason);

internal static class ContractEndpoints
{
    public static void MapContractEndpoints(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Contracts");

        contracts.MapGet("/", ListAsync)
            .WithName("ListContracts")
            .WithSummary("Contracts the caller sees, one page at a time; search numbers, titles and customer names; filter by status, customer, order, owner or endingWithinDays; sort by number, title, customer, status, signedOn, startsOn, endsOn, amount or updatedAt, \"-\" in front for descending.")
            .Produces<Page<ContractRow>>()
            .ProducesValidationProblem();

        contracts.MapGet("/{id:int}", GetAsync)
            .WithName("GetContract")
            .WithSummary("A contract with its terms and status.")
            .Produces<ContractView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contracts.MapPost("/", CreateAsync)
            .WithName("CreateContract")
            .WithSummary("Creates a draft contract for a customer, and optionally one of its orders, owned by the customer's owner; numbered by the contract series.")
            .Produces<ContractView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        contracts.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateContract")
            .WithSummary("Changes a draft contract's terms; ?version= is the version last read, a stale one is refused with 409.")
            .Produces<ContractView>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        Step(contracts, "sign", "SignContract", "Signs a draft contract on signedOn (not in the future); it is active at once when it has started.",
            (book, actor, id, step, ct) => book.SignAsync(actor, id, step.SignedOn, RequiredField.Of(step.Version, "version"), ct));
        Step(contracts, "terminate", "TerminateContract", "Ends a signed or active contract early, for a reason.",
            (book, actor, id, step, ct) => book.TerminateAsync(actor, id, step.Reason, RequiredField.Of(step.Version, "version"), ct));

        contracts.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeleteContract")
            .WithSummary("Moves a contract that does not run (draft, expired, terminated) to the recycle bin; ?version= is the version last read.")
            .ProducesDeleteResults()
            .ProducesValidationProblem();

        contracts.MapPost("/{id:int}/restore", RestoreAsync)
            .WithName("RestoreContract")
            .WithSummary("Brings a deleted contract back from the recycle bin.")
            .Produces<ContractView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contracts.MapGet("/{id:int}/attachments", (int id, ClaimsPrincipal user, ContractAttachments attachments, CancellationToken cancellationToken) =>
                attachments.ListAsync(Actor.From(user), id, cancellationToken))
            .WithName("ListContractAttachments")
            .WithSummary("The files kept with a contract (its signed scan), newest first.")
            .Produces<IReadOnlyList<ContractAttachmentRow>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contracts.MapPost("/{id:int}/attachments", UploadAsync)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadContractAttachment")
            .WithSummary("Attaches a file (multipart/form-data, one file part) to a contract. Size and type are limited; programs are refused.")
            .Produces<ContractAttachmentRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contracts.MapGet("/{id:int}/attachments/{attachmentId:int}", async (int id, int attachmentId, ClaimsPrincipal user, HttpContext context, ContractAttachments attachments, CancellationToken cancellationToken) =>
                Customers.AttachmentEndpoints.Download(context, await attachments.OpenAsync(Actor.From(user), id, attachmentId, cancellationToken)))
            .WithName("DownloadContractAttachment")
            .WithSummary("A contract file's bytes, as a download under its original name.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        contracts.MapDelete("/{id:int}/attachments/{attachmentId:int}", async (int id, int attachmentId, ClaimsPrincipal user, ContractAttachments attachments, CancellationToken cancellationToken) =>
            {
                await attachments.DeleteAsync(Actor.From(user), id, attachmentId, cancellationToken);
                return Results.NoContent();
            })
            .WithName("DeleteContractAttachment")
            .WithSummary("Moves a contract's file to the recycle bin.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void Step(RouteGroupBuilder contracts, string step, string name, string summary, Func<ContractBook, Actor, int, ContractStepRequest, CancellationToken, Task> run) =>
        contracts.MapStep(step, run, (book, actor, id, cancellationToken) => book.GetAsync(actor, id, cancellationToken))
            .WithName(name)
            .WithSummary(summary);

    private static Task<Page<ContractRow>> ListAsync([AsParameters] ContractListParameters parameters, ClaimsPrincipal user, ContractBook book, CancellationToken cancellationToken) =>
        book.ListAsync(Actor.From(user), parameters.ToQuery(), cancellationToken);

    private static Task<ContractView> GetAsync(int id, ClaimsPrincipal user, ContractBook book, CancellationToken cancellationToken) =>
        book.GetAsync(Actor.From(user), id, cancellationToken);

    private static async Task<IResult> CreateAsync(ContractRequest request, ClaimsPrincipal user, ContractBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await book.CreateAsync(actor, request.ToDraft(), cancellationToken);
        return TypedResults.Created($"/api/v1/contracts/{id}", await book.GetAsync(actor, id, cancellationToken));
    }

    private static async Task<ContractView> UpdateAsync(int id, long? version, ContractRequest request, ClaimsPrincipal user, ContractBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await book.UpdateAsync(actor, id, request.ToTerms(), RequiredField.Of(version, "version"), cancellationToken);
        return await book.GetAsync(actor, id, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(int id, long? version, ClaimsPrincipal user, ContractBook book, CancellationToken cancellationToken)
    {
        await book.DeleteAsync(Actor.From(user), id, RequiredField.Of(version, "version"), cancellationToken);
        return Results.NoContent();
    }

    private static async Task<ContractView> RestoreAsync(int id, ClaimsPrincipal user, ContractBook book, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await book.RestoreAsync(actor, id, cancellationToken);
        return await book.GetAsync(actor, id, cancellationToken);
    }

    private static Task<IResult> UploadAsync(int id, HttpRequest request, ClaimsPrincipal user, ContractAttachments attachments, CancellationToken cancellationToken) =>
        AttachmentEndpoints.ReceiveFileAsync(request, attachments.Limits.MaxBytes, async (fileName, contentType, content) =>
        {
            var actor = Actor.From(user);
            var attachmentId = await attachments.UploadAsync(actor, id, fileName, contentType, content, cancellationToken);
            var row = (await attachments.ListAsync(actor, id, cancellationToken)).Single(a => a.Id == attachmentId);
            return Results.Created($"/api/v1/contracts/{id}/attachments/{attachmentId}", row);
        }, cancellationToken);
}
