using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;
using SalesHub.Core.Security;
using SalesHub.Core.Seeding;

namespace SalesHub.Web.Bench;

/// <summary>
/// The sales department a bench database holds besides the demo company: the dataset's teams and
/// users, the same on every run (fixed seed, fixed e-mails), each team led by its first member.
/// </summary>
internal static class BenchCompany
{
    /// <summary>Every generated user's password; the measured sign-ins use the demo users.</summary>
    public const string Password = "SalesHub-Bench-2026";

    /// <summary>Every generated user's e-mail starts with it.</summary>
    public const string EmailPrefix = "bench";

    private const int Seed = 2026;

    public static async Task SeedAsync(IServiceProvider services, BenchDataset dataset)
    {
        var administration = services.GetRequiredService<UserAdministration>();
        var teamIds = new List<int>(dataset.Teams);
        for (var t = 1; t <= dataset.Teams; t++)
        {
            teamIds.Add(await administration.CreateTeamAsync(Actor.System, $"Bench team {t:D3}", managerId: null));
        }

        var users = await NewUsersAsync(services, dataset, teamIds);
        await using (var db = await services.GetRequiredService<IDbContextFactory<SalesHubDbContext>>().CreateForAsync(Actor.System))
        {
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
        }

        var teams = (await administration.ListTeamsAsync(Actor.System)).ToDictionary(t => t.Id);
        foreach (var manager in users.Where(u => u.Role == Roles.SalesManager))
        {
            var team = teams[manager.TeamId!.Value];
            await administration.UpdateTeamAsync(Actor.System, team.Id, team.Name, manager.Id, team.Version);
        }
    }

    /// <summary>
    /// Users as <see cref="UserManager{TUser}.CreateAsync(TUser, string)"/> would store them, but
    /// with one password hash computed by the real hasher and shared: hashing each password
    /// (PBKDF2, tens of milliseconds) would make seeding the mid size take longer than measuring it.
    /// </summary>
    private static async Task<List<AppUser>> NewUsersAsync(IServiceProvider services, BenchDataset dataset, IReadOnlyList<int> teamIds)
    {
        await using var scope = services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var random = new Random(Seed);
        var users = new List<AppUser>(dataset.Users);
        string? passwordHash = null;
        for (var i = 0; i < dataset.Users; i++)
        {
            var email = $"{EmailPrefix}{i + 1:D4}@saleshub.local";
            var given = SeedLanguage.English.GivenNames[random.Next(SeedLanguage.English.GivenNames.Count)];
            var family = SeedLanguage.English.FamilyNames[random.Next(SeedLanguage.English.FamilyNames.Count)];
            var user = new AppUser
            {
                Email = email,
                NormalizedEmail = userManager.NormalizeEmail(email),
                UserName = email,
                NormalizedUserName = userManager.NormalizeName(email),
                DisplayName = $"{given.Name} {family.Name}",
                Role = i < teamIds.Count ? Roles.SalesManager : Roles.SalesRep,
                TeamId = teamIds[i % teamIds.Count],
                EmailConfirmed = true,
                LockoutEnabled = userManager.Options.Lockout.AllowedForNewUsers,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = clock.GetUtcNow(),
            };
            passwordHash ??= userManager.PasswordHasher.HashPassword(user, Password);
            user.PasswordHash = passwordHash;
            users.Add(user);
        }

        return users;
    }
}
