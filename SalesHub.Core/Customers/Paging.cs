using SalesHub.Core.Errors;

namespace SalesHub.Core.Customers;

/// <summary>The checks every paged list makes on the page it is asked for.</summary>
internal static class Paging
{
    public static void Require(int page, int pageSize, int maxPageSize)
    {
        if (page < 1)
        {
            throw new DomainException("Errors.InvalidPage") { Field = "page" };
        }

        if (pageSize < 1 || pageSize > maxPageSize)
        {
            throw new DomainException("Errors.InvalidPageSize", maxPageSize) { Field = "pageSize" };
        }
    }
}
