using SalesHub.Core.Errors;
using SalesHub.Core.Leads;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Core.Leads;

/// <summary>Claims racing on a real SQLite file through the app's own services: separate connections, real concurrency.</summary>
public sealed class LeadClaimRaceTests(SqliteCoreServices core) : IClassFixture<SqliteCoreServices>
{
    [Fact]
    public async Task TwoRepsClaimingTheSameLeadAtOnceLeaveExactlyOneOwnerAndTellTheOtherItIsTaken()
    {
        var book = core.Get<LeadBook>();
        var admin = await core.Services.ActorForAsync(DemoCompany.AdminEmail);
        var rep1 = await core.Services.ActorForAsync(DemoCompany.Rep1Email);
        var rep2 = await core.Services.ActorForAsync(DemoCompany.Rep2Email);
        var ids = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await book.CreateAsync(admin, new NewLead(LeadCompany.Details($"Race {i} {Guid.NewGuid():N}"), IgnoreDuplicates: true)));
        }

        foreach (var id in ids)
        {
            var claims = new[] { rep1, rep2 }.Select(rep => Task.Run(async () =>
            {
                try
                {
                    await book.ClaimAsync(rep, id);
                    return (rep.UserId, Code: (string?)null);
                }
                catch (DomainException error)
                {
                    return (rep.UserId, Code: (string?)error.Code);
                }
            })).ToList();
            var outcomes = await Task.WhenAll(claims);

            var winner = Assert.Single(outcomes, o => o.Code is null);
            var loser = Assert.Single(outcomes, o => o.Code is not null);
            Assert.Equal("Leads.AlreadyClaimed", loser.Code);
            Assert.Equal(winner.UserId, (await book.GetAsync(admin, id)).OwnerId);
        }
    }
}
