using System.Security.Claims;
using SalesHub.Core.Security;

namespace SalesHub.Web.Api;

internal static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user, Accounts accounts, CancellationToken cancellationToken) =>
                accounts.GetProfileAsync(Actor.From(user), cancellationToken))
            .WithName("GetMe")
            .WithSummary("The signed-in user: name, role and team.")
            .Produces<AccountProfile>();
    }
}
