using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Data;
using SalesHub.Core.Errors;
using SalesHub.Core.Seeding;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Security;

public sealed class UserAdministrationTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    private UserAdministration Administration => core.Get<UserAdministration>();

    [Fact]
    public async Task AnAdminCreatesAUserWhoseRoleAndTeamAreSet()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);
        var email = Unique("new.rep");

        var id = await Administration.CreateUserAsync(admin, new NewUser(email, "New Rep", Roles.SalesRep, null, "a long enough passphrase"));

        var created = (await Administration.ListUsersAsync(admin)).Single(u => u.Id == id);
        Assert.Equal((email, "New Rep", Roles.SalesRep, true), (created.Email, created.DisplayName, created.Role, created.IsActive));
    }

    [Theory]
    [InlineData("short-pw", "Identity.PasswordTooShort")]
    [InlineData("password", "Identity.PasswordTooShort")]
    [InlineData("password12", "Identity.CommonPassword")]
    [InlineData("qwertyuiop", "Identity.CommonPassword")]
    [InlineData("Password1234", "Identity.CommonPassword")]
    public async Task WeakPasswordsAreRefusedWithTheirReason(string password, string code)
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);

        var error = await Assert.ThrowsAsync<DomainException>(
            () => Administration.CreateUserAsync(admin, new NewUser(Unique("weak"), "Weak", Roles.SalesRep, null, password)));

        Assert.Equal((code, "password"), (error.Code, error.Field));
    }

    [Fact]
    public async Task ALongPasswordWithoutDigitsOrSymbolsIsAccepted()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);

        var id = await Administration.CreateUserAsync(admin, new NewUser(Unique("plain"), "Plain", Roles.SalesRep, null, "correcthorsebatterystaple"));

        Assert.True(id > 0);
    }

    [Fact]
    public async Task ASecondUserWithTheSameEmailIsRefused()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);

        var error = await Assert.ThrowsAsync<DomainException>(
            () => Administration.CreateUserAsync(admin, new NewUser(DemoCompany.Rep1Email, "Twin", Roles.SalesRep, null, "a long enough passphrase")));

        Assert.Equal("email", error.Field);
    }

    [Fact]
    public async Task OnlyAdminsAdministerUsers()
    {
        var manager = await ActorForAsync(DemoCompany.ManagerEmail);

        await Assert.ThrowsAsync<ForbiddenException>(() => Administration.ListUsersAsync(manager));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => Administration.CreateUserAsync(manager, new NewUser(Unique("x"), "X", Roles.Admin, null, "a long enough passphrase")));
    }

    [Fact]
    public async Task DeactivatingAUserChangesTheirSecurityStampSoTheirSessionsEnd()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);
        var id = await Administration.CreateUserAsync(admin, new NewUser(Unique("leaver"), "Leaver", Roles.SalesRep, null, "a long enough passphrase"));
        var before = await LoadAsync(id);

        await Administration.SetActiveAsync(admin, id, active: false, before.Version);

        var after = await LoadAsync(id);
        Assert.False(after.IsActive);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
    }

    [Fact]
    public async Task AnAdminCannotLockThemselvesOut()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);
        var self = await LoadAsync(admin.UserId!.Value);

        Assert.Equal("Users.CannotDeactivateSelf",
            (await Assert.ThrowsAsync<DomainException>(() => Administration.SetActiveAsync(admin, self.Id, false, self.Version))).Code);
        Assert.Equal("Users.CannotDemoteSelf",
            (await Assert.ThrowsAsync<DomainException>(() => Administration.UpdateUserAsync(admin, self.Id, new UserChanges("Alice", Roles.SalesRep, null, self.Version)))).Code);
    }

    [Fact]
    public async Task ATeamManagerMustBeASalesManager()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);
        var rep = await ActorForAsync(DemoCompany.Rep2Email);

        var error = await Assert.ThrowsAsync<DomainException>(() => Administration.CreateTeamAsync(admin, Unique("team"), rep.UserId));

        Assert.Equal(("Teams.ManagerMustBeManager", "managerId"), (error.Code, error.Field));
    }

    [Fact]
    public async Task TeamNamesAreRequiredAndUnique()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);

        Assert.Equal("Teams.NameRequired", (await Assert.ThrowsAsync<DomainException>(() => Administration.CreateTeamAsync(admin, "  ", null))).Code);
        Assert.Equal("Teams.NameTaken", (await Assert.ThrowsAsync<DomainException>(() => Administration.CreateTeamAsync(admin, "华东 East", null))).Code);
    }

    [Fact]
    public async Task ChangingAPasswordNeedsTheCurrentOne()
    {
        var admin = await ActorForAsync(DemoCompany.AdminEmail);
        var email = Unique("changer");
        var id = await Administration.CreateUserAsync(admin, new NewUser(email, "Changer", Roles.SalesRep, null, "first passphrase here"));
        var actor = await ActorForAsync(email);

        var wrong = await Assert.ThrowsAsync<DomainException>(
            () => core.Get<Accounts>().ChangePasswordAsync(actor, "not my password", "second passphrase here"));
        await core.Get<Accounts>().ChangePasswordAsync(actor, "first passphrase here", "second passphrase here");

        Assert.Equal(("Identity.PasswordMismatch", "currentPassword"), (wrong.Code, wrong.Field));
        await using var scope = core.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        Assert.True(await users.CheckPasswordAsync(await LoadAsync(id), "second passphrase here"));
    }

    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@test.local";

    private async Task<AppUser> LoadAsync(int id)
    {
        await using var db = await core.Get<IDbContextFactory<SalesHubDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private Task<Actor> ActorForAsync(string email) => core.Services.ActorForAsync(email);
}
