using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SalesHub.Web.Customers;

namespace SalesHub.Web.Api;

/// <summary>
/// Lists the query-string parameters of endpoints that bind <see cref="CustomerListQuery"/> in the
/// OpenAPI document: the framework cannot see inside a parameter that binds itself.
/// </summary>
internal static class ListParameterDocumentation
{
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // The handler's method is in the endpoint's metadata; the API description leaves the parameter out.
        var handler = context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        if (handler is null || !handler.GetParameters().Any(p => p.ParameterType == typeof(CustomerListQuery)))
        {
            return;
        }

        operation.Parameters ??= [];
        foreach (var (name, type, description) in CustomerListQuery.Documented)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = description,
                Schema = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken),
            });
        }
    }
}
