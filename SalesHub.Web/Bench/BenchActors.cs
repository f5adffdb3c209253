using Microsoft.AspNetCore.Identity;
using SalesHub.Core.Security;

namespace SalesHub.Web.Bench;

internal static class BenchActors
{
    /// <summary>The demo user with this e-mail, as the services see a signed-in user.</summary>
    public static async Task<Actor> DemoActorAsync(this IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new UnexpectedResponseException($"no demo user {email}.");
        return Actor.For(user);
    }
}
