using System.Security.Claims;
using SalesHub.Core.Catalog;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

/// <summary>The product list's query string: <c>?page=&amp;pageSize=&amp;search=&amp;sort=&amp;category=&amp;active=</c>.</summary>
public sealed record ProductListParameters(int? Page, int? PageSize, string? Search, string? Sort, string? Category, bool? Active)
{
    public ProductQuery ToQuery()
    {
        var defaults = new ProductQuery();
        return new ProductQuery
        {
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
            Search = Search,
            Sort = Sort,
            Category = Category,
            Active = Active,
        };
    }
}

/// <summary>A product as the caller fills it in; on a change, based on the version last read.</summary>
public sealed record ProductRequest(
    string? Sku,
    string? NameEn,
    string? NameZh,
    string? Category,
    string? Unit,
    decimal? ListPrice,
    decimal? Cost,
    decimal? TaxRate,
    bool? IsActive,
    long? Version,
    bool? TracksStock = null)
{
    public ProductDetails ToDetails() => new(
        Sku ?? "", NameEn, NameZh, Category, Unit ?? "", RequiredField.Of(ListPrice, "listPrice"), Cost ?? 0m, TaxRate ?? Product.DefaultTaxRate, IsActive ?? true, TracksStock ?? true);
}

internal static class ProductEndpoints
{
    public static void MapProductEndpoints(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products");

        products.MapGet("/", ListAsync)
            .WithName("ListProducts")
            .WithSummary("Products, one page at a time; search SKU, names and category; sort by a field name, \"-\" in front for descending.")
            .Produces<Page<ProductRow>>()
            .ProducesValidationProblem();

        products.MapGet("/categories", CategoriesAsync)
            .WithName("ListProductCategories")
            .WithSummary("The categories products are in.")
            .Produces<IReadOnlyList<string>>();

        products.MapGet("/deleted", ListDeletedAsync)
            .WithName("ListDeletedProducts")
            .WithSummary("Products in the recycle bin, most recently deleted first (managers and administrators).")
            .Produces<Page<DeletedRow>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        products.MapPost("/{id:int}/restore", RestoreAsync)
            .WithName("RestoreProduct")
            .WithSummary("Brings a product back from the recycle bin (managers and administrators).")
            .Produces<ProductRow>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        products.MapGet("/{id:int}", GetAsync)
            .WithName("GetProduct")
            .WithSummary("A product; its cost only for managers and administrators.")
            .Produces<ProductRow>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        products.MapPost("/", CreateAsync)
            .WithName("CreateProduct")
            .WithSummary("Creates a product (managers and administrators).")
            .Produces<ProductRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        products.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateProduct")
            .WithSummary("Changes a product (managers and administrators); a stale version is refused with 409.")
            .Produces<ProductRow>()
            .ProducesEditProblems()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        products.MapDelete("/{id:int}", DeleteAsync)
            .WithName("DeleteProduct")
            .WithSummary("Moves a product to the recycle bin (managers and administrators).")
            .ProducesDeleteResults()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static Task<Page<ProductRow>> ListAsync(
        [AsParameters] ProductListParameters parameters, ClaimsPrincipal user, ProductCatalog catalog, CancellationToken cancellationToken) =>
        catalog.ListAsync(Actor.From(user), parameters.ToQuery(), cancellationToken);

    private static Task<IReadOnlyList<string>> CategoriesAsync(ClaimsPrincipal user, ProductCatalog catalog, CancellationToken cancellationToken) =>
        catalog.CategoriesAsync(Actor.From(user), cancellationToken);

    private static Task<ProductRow> GetAsync(int id, ClaimsPrincipal user, ProductCatalog catalog, CancellationToken cancellationToken) =>
        catalog.GetAsync(Actor.From(user), id, cancellationToken);

    private static async Task<IResult> CreateAsync(ProductRequest request, ClaimsPrincipal user, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var id = await catalog.CreateAsync(actor, request.ToDetails(), cancellationToken);
        return TypedResults.Created($"/api/v1/products/{id}", await catalog.GetAsync(actor, id, cancellationToken));
    }

    private static async Task<ProductRow> UpdateAsync(int id, ProductRequest request, ClaimsPrincipal user, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await catalog.UpdateAsync(actor, id, request.ToDetails(), RequiredField.Of(request.Version, "version"), cancellationToken);
        return await catalog.GetAsync(actor, id, cancellationToken);
    }

    private static Task<Page<DeletedRow>> ListDeletedAsync(int? page, int? pageSize, ClaimsPrincipal user, ProductCatalog catalog, CancellationToken cancellationToken) =>
        catalog.ListDeletedAsync(Actor.From(user), page ?? 1, pageSize ?? 25, cancellationToken);

    private static async Task<ProductRow> RestoreAsync(int id, ClaimsPrincipal user, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await catalog.RestoreAsync(actor, id, cancellationToken);
        return await catalog.GetAsync(actor, id, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(int id, long? version, ClaimsPrincipal user, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        await catalog.DeleteAsync(Actor.From(user), id, RequiredField.Of(version, "version"), cancellationToken);
        return TypedResults.NoContent();
    }
}
