using Bunit;
using SalesHub.Core.Customers;
using SalesHub.Core.Leads;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Shared;

namespace SalesHub.Tests.Web.Components.Shared;

public sealed class DuplicateWarningTests : ComponentTest
{
    [Fact]
    public void LinksTheCustomersTheReaderMaySeeAndNamesTheOwnersOfTheOthers()
    {
        var cut = Render<DuplicateWarning>(p => p
            .Add(w => w.Title, "2 likely duplicates")
            .Add(w => w.Customers, [
                new DuplicateMatch(7, "Acme Trading", "Rita", [DuplicateReason.Name]),
                new DuplicateMatch(null, null, "Sam", [DuplicateReason.Name]),
            ]));

        var matches = cut.FindAll("[data-testid=duplicate-match]");
        Assert.Equal("/customers/7", matches[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Acme Trading · Rita · same name", Squeeze(matches[0].TextContent));
        Assert.Equal("A customer you cannot see, owned by Sam · same name", Squeeze(matches[1].TextContent));
        Assert.Contains("2 likely duplicates", cut.Find("[data-testid=duplicate-warning]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsCustomersWhenLeadsAreListedToo()
    {
        var cut = Render<DuplicateWarning>(p => p
            .Add(w => w.Title, "2 likely duplicates")
            .Add(w => w.CustomerLabel, "Customer")
            .Add(w => w.Customers, [new DuplicateMatch(7, "Acme Trading", "Rita", [DuplicateReason.Name])])
            .Add(w => w.Leads, [new LeadMatch(null, null, null, [DuplicateReason.Name])]));

        var matches = cut.FindAll("[data-testid=duplicate-match]").Select(m => Squeeze(m.TextContent)).ToList();
        Assert.Equal("Customer: Acme Trading · Rita · same name", matches[0]);
        Assert.Equal("Lead: A lead you cannot see, owned by Pool · same name", matches[1]);
        Assert.Equal(2, matches.Count);
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
