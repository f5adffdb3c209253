using SalesHub.Web.Security;

namespace SalesHub.Web.Api;

public sealed record TokenRequest(string? Email, string? Password);

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Exchange an e-mail and password for a bearer token.")
            .Produces<ApiToken>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<ApiToken> IssueTokenAsync(TokenRequest request, PasswordCheck passwords, ApiTokens tokens) =>
        await tokens.IssueAsync(await passwords.VerifyAsync(request.Email, request.Password));
}
