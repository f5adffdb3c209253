using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Security;

namespace SalesHub.Core.Data;

public static class DbContextFactoryExtensions
{
    /// <summary>A new context for one operation on behalf of <paramref name="actor"/>.</summary>
    public static async Task<SalesHubDbContext> CreateForAsync(this IDbContextFactory<SalesHubDbContext> factory, Actor actor)
    {
        var db = await factory.CreateDbContextAsync();
        db.Actor = actor;
        return db;
    }
}
