using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesHub.Tests.Web.Api;

/// <summary>Checks that an API answer is an RFC 9457 problem details body with the expected status.</summary>
internal static class ApiProblem
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
