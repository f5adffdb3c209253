using System.Security.Claims;
using SalesHub.Core.Catalog;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>A price list as the caller fills it in, with all of its items; on a change, based on the version last read.</summary>
public sealed record PriceListRequest(string? Name, DateOnly? ValidFrom, DateOnly? ValidTo, bool? IsActive, IReadOnlyList<PriceRule>? Items, long? Version)
{
    public PriceListDetails ToDetails() => new(Name ?? "", ValidFrom, ValidTo, IsActive ?? true);
}

public sealed record PriceListAssignment(int? PriceListId);

internal static class PriceListEndpoints
{
    public static void MapPriceListEndpoints(this RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/price-lists").WithTags("Price lists");

        lists.MapGet("/", ListAsync)
            .WithName("ListPriceLists")
            .WithSummary("Every price list, by name.")
            .Produces<IReadOnlyList<PriceListRow>>();

        lists.MapGet("/{id:int}", GetAsync)
            .WithName("GetPriceList")
            .WithSummary("A price list with its items and the unit price each gives.")
            .Produces<PriceListView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        lists.MapPost("/", CreateAsync)
            .WithName("CreatePriceList")
            .WithSummary("Creates a price list with its items (managers and administrators).")
            .Produces<PriceListView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        lists.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdatePriceList")
            .WithSummary("Changes a price list and replaces its items; a stale version is refused with 409.")
            .Produces<PriceListView>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        lists.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeletePriceList")
            .WithSummary("Deletes a price list; its customers go back to list prices.")
            .ProducesDeleteResults()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var customers = api.MapGroup("/customers").WithTags("Price lists");

        customers.MapPut("/{id:int}/price-list", AssignAsync)
            .WithName("AssignPriceList")
            .WithSummary("Puts a customer on a price list, or back on list prices with a null priceListId.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        customers.MapGet("/{id:int}/price", PriceAsync)
            .WithName("GetCustomerPrice")
            .WithSummary("The unit price a quote line for the product starts from for the customer on a date (today when left out), and the price list it comes from.")
            .Produces<StartingPrice>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<IReadOnlyList<PriceListRow>> ListAsync(ClaimsPrincipal user, PriceLists lists, CancellationToken cancellationToken) =>
        lists.ListAsync(Actor.From(user), cancellationToken);

    private static Task<PriceListView> GetAsync(int id, ClaimsPrincipal user, PriceLists lists, CancellationToken cancellationToken) =>
        lists.GetAsync(Actor.From(user), id, cancellationToken);

    private static async Task<IResult> CreateAsync(PriceListRequest request, ClaimsPrincipal user, PriceLists lists, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await lists.CreateAsync(actor, request.ToDetails(), request.Items ?? [], cancellationToken);
        return TypedResults.Created($"/api/v1/price-lists/{id}", await lists.GetAsync(actor, id, cancellationToken));
    }

    private static async Task<PriceListView> UpdateAsync(int id, PriceListRequest request, ClaimsPrincipal user, PriceLists lists, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await lists.UpdateAsync(actor, id, request.ToDetails(), request.Items ?? [], RequiredField.Of(request.Version, "version"), cancellationToken);
        return await lists.GetAsync(actor, id, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(int id, long? version, ClaimsPrincipal user, PriceLists lists, CancellationToken cancellationToken)
    {
        await lists.DeleteAsync(Actor.From(user), id, RequiredField.Of(version, "version"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> AssignAsync(int id, PriceListAssignment request, ClaimsPrincipal user, PriceLists lists, CancellationToken cancellationToken)
    {
        await lists.AssignAsync(Actor.From(user), id, request.PriceListId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<StartingPrice> PriceAsync(
        int id, int? productId, DateOnly? date, ClaimsPrincipal user, PriceLists lists, CancellationToken cancellationToken) =>
        lists.PriceForAsync(Actor.From(user), id, RequiredField.Of(productId, "productId"), date, cancellationToken);
}
