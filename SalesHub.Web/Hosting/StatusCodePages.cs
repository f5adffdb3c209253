using Microsoft.AspNetCore.Diagnostics;

namespace SalesHub.Web.Hosting;

/// <summary>
/// Bodiless error statuses: the API gets problem details, a page request for a path that
/// does not exist gets the not-found page.
/// </summary>
internal static class StatusCodePages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (ApiProblems.IsApiRequest(http.Request))
        {
            var key = http.Response.StatusCode switch
            {
                StatusCodes.Status401Unauthorized => "Errors.Unauthorized",
                StatusCodes.Status403Forbidden => "Errors.Forbidden",
                StatusCodes.Status404NotFound => "Errors.RouteNotFound",
                StatusCodes.Status405MethodNotAllowed => "Errors.MethodNotAllowed",
                StatusCodes.Status415UnsupportedMediaType => "Errors.UnsupportedMediaType",
                _ => "Errors.MalformedRequest",
            };
            await ApiProblems.WriteAsync(http, ApiProblems.Status(http, http.Response.StatusCode, key));
        }
        else if (http.Response.StatusCode == StatusCodes.Status404NotFound)
        {
            http.Response.Redirect("/not-found");
        }
    }
}
