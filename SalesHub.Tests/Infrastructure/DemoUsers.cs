using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Data;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Infrastructure;

/// <summary>Looks up users of a running app or service collection by e-mail.</summary>
public static class DemoUsers
{
    public static async Task<AppUser> UserAsync(this IServiceProvider services, string email)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SalesHubDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    public static async Task<Actor> ActorForAsync(this IServiceProvider services, string email) =>
        Actor.For(await services.UserAsync(email));
}
