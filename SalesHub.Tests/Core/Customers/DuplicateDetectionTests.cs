using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Core.Customers;

public sealed class DuplicateDetectionTests : IDisposable
{
    private readonly CustomerCompany _company = new();

    [Fact]
    public async Task AScanGroupsCustomersByNamePhoneAndEmail()
    {
        var huaLian = await _company.AddCustomerAsync(_company.Rita, "上海华联有限公司", CustomerCompany.Person("王芳", "13800138000"));
        var huaLianToo = await _company.AddCustomerAsync(_company.Ron, "上海华联", CustomerCompany.Person("李雷", email: "li@globex.com"));
        var acme = await _company.AddCustomerAsync(_company.Ron, "Acme", CustomerCompany.Person("Wang Fang", "+86 138 0013 8000"));
        var globex = await _company.AddCustomerAsync(_company.Rita, "Globex", CustomerCompany.Person("Li Lei", email: "LI@GLOBEX.COM"));
        await _company.AddCustomerAsync(_company.Rita, "Initech", CustomerCompany.Person("Han Meimei", "13900139000", "han@initech.com"));

        var groups = await _company.Duplicates.ScanAsync(Actor.For(_company.Martin));

        Assert.Equal(
            [
                (DuplicateReason.Name, "上海华联", Ids(huaLian, huaLianToo)),
                (DuplicateReason.Phone, "13800138000", Ids(huaLian, acme)),
                (DuplicateReason.Email, "li@globex.com", Ids(huaLianToo, globex)),
            ],
            groups.Select(g => (g.Reason, g.Key, Ids(g))));
        Assert.Equal(("上海华联有限公司", "Rita"), (groups[0].Customers[0].Name, groups[0].Customers[0].OwnerName));
    }

    [Fact]
    public async Task ARepMayNotScan()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => _company.Duplicates.ScanAsync(Actor.For(_company.Rita)));
    }

    [Fact]
    public async Task AScanShowsOnlyCustomersTheManagerSees()
    {
        var ritas = await _company.AddCustomerAsync(_company.Rita, "Acme", CustomerCompany.Person("Li Lei", "13800138000"));
        var rons = await _company.AddCustomerAsync(_company.Ron, "Acme Ltd.");
        var sams = await _company.AddCustomerAsync(_company.Sam, "ACME Co., Ltd.", CustomerCompany.Person("Li Lei", "13800138000"));

        var martins = await _company.Duplicates.ScanAsync(Actor.For(_company.Martin));
        var mias = await _company.Duplicates.ScanAsync(Actor.For(_company.Mia));
        var admins = await _company.Duplicates.ScanAsync(Actor.For(_company.Admin));

        Assert.Equal([ritas, rons], Assert.Single(martins).Customers.Select(c => c.Id));
        Assert.Empty(mias);
        Assert.Equal(
            [(DuplicateReason.Name, Ids(ritas, rons, sams)), (DuplicateReason.Phone, Ids(ritas, sams))],
            admins.Select(g => (g.Reason, Ids(g))));
    }

    [Fact]
    public async Task FindingWhileTypingHidesCustomersTheUserCannotSee()
    {
        var ritas = await _company.AddCustomerAsync(_company.Rita, "Acme", CustomerCompany.Person("Li Lei", "13800138000"));
        await _company.AddCustomerAsync(_company.Sam, "Globex", CustomerCompany.Person("Han Meimei", email: "han@globex.com"));

        var matches = await _company.Duplicates.FindAsync(
            Actor.For(_company.Rita), DuplicateCandidate.From("ACME Co., Ltd.", ["138 0013 8000"], ["HAN@globex.com"]));

        Assert.Equal(
            [(ritas, "Acme", "Rita", "Name,Phone"), (null, null, "Sam", "Email")],
            matches.Select(m => (m.CustomerId, m.Name, m.OwnerName, string.Join(',', m.Reasons))));
    }

    [Fact]
    public async Task FindingIgnoresTheCustomerBeingEditedAndTheRecycleBin()
    {
        var ritas = await _company.AddCustomerAsync(_company.Rita, "Acme");
        var deleted = await _company.AddCustomerAsync(_company.Rita, "Acme Ltd.");
        await _company.Directory.DeleteAsync(Actor.For(_company.Rita), deleted, 1);

        var matches = await _company.Duplicates.FindAsync(Actor.For(_company.Rita), DuplicateCandidate.From("Acme", [], [], ritas));

        Assert.Empty(matches);
    }

    private static string Ids(params int[] ids) => string.Join(',', ids);

    private static string Ids(DuplicateGroup group) => Ids(group.Customers.Select(c => c.Id).ToArray());

    public void Dispose() => _company.Dispose();
}
