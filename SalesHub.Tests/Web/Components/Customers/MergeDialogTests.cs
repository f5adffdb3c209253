using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;
using SalesHub.Web.Components.Pages.Customers.Components;

namespace SalesHub.Tests.Web.Components.Customers;

public sealed class MergeDialogTests : ComponentTest
{
    private readonly AppUser _rep;
    private readonly CustomerDirectory _directory;

    public MergeDialogTests()
    {
        _rep = new CompanyBuilder(Database).AddUser(Roles.SalesRep, name: "Rita");
        _directory = new CustomerDirectory(Database, new DuplicateDetection(Database));
        Services.AddSingleton(_directory);
        Services.AddSingleton<CustomerMerging>();
        SignIn(_rep);
    }

    [Fact]
    public async Task AFieldChosenFromTheOtherCustomerIsKeptByTheSurvivorWhoseProfileOpens()
    {
        var first = await CreateAsync("Acme Trading", "Retail", "Beijing");
        var second = await CreateAsync("ACME Trading Ltd", "Logistics", "Shanghai");
        var provider = Render<MudDialogProvider>();

        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<MergeDialog>(
            "Merge", new DialogParameters<MergeDialog> { { d => d.CustomerIds, [first, second] } }));

        var industry = provider.WaitForElement("[data-testid=merge-field-industry]");
        Assert.Contains("Retail", industry.TextContent);
        Assert.Contains("Logistics", industry.TextContent);
        Assert.True(provider.Find($"input[data-testid=merge-choice-industry-{first}]").HasAttribute("checked"));

        provider.Find($"input[data-testid=merge-choice-industry-{second}]").Click();
        Assert.True(provider.Find($"input[data-testid=merge-choice-industry-{second}]").HasAttribute("checked"));
        provider.Find("[data-testid=merge-confirm]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        provider.WaitForAssertion(() => Assert.Equal($"http://localhost/customers/{first}", navigation.Uri));
        var survivor = await _directory.GetAsync(Actor.For(_rep), first);
        Assert.Equal(("Acme Trading", "Logistics", "Beijing"), (survivor.Details.Name, survivor.Details.Industry, survivor.Details.City));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _directory.GetAsync(Actor.For(_rep), second));
    }

    [Fact]
    public async Task FieldsNotChosenFollowTheCustomerPickedToKeep()
    {
        var first = await CreateAsync("Acme Trading", "Retail", "Beijing");
        var second = await CreateAsync("ACME Trading Ltd", "Logistics", "Shanghai");
        var provider = Render<MudDialogProvider>();
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<MergeDialog>(
            "Merge", new DialogParameters<MergeDialog> { { d => d.CustomerIds, [first, second] } }));
        provider.WaitForElement("[data-testid=merge-field-city]");

        provider.Find($"input[data-testid=merge-choice-city-{second}]").Click();
        provider.Find($"input[data-testid=merge-survivor-{second}]").Click();
        Assert.True(provider.Find($"input[data-testid=merge-choice-name-{second}]").HasAttribute("checked"));
        provider.Find($"input[data-testid=merge-survivor-{first}]").Click();

        Assert.True(provider.Find($"input[data-testid=merge-choice-name-{first}]").HasAttribute("checked"));
        Assert.True(provider.Find($"input[data-testid=merge-choice-city-{second}]").HasAttribute("checked"));
        provider.Find("[data-testid=merge-confirm]").Click();
        provider.WaitForAssertion(() => Assert.EndsWith($"/customers/{first}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        var survivor = await _directory.GetAsync(Actor.For(_rep), first);
        Assert.Equal(("Acme Trading", "Retail", "Shanghai"), (survivor.Details.Name, survivor.Details.Industry, survivor.Details.City));
    }

    private Task<int> CreateAsync(string name, string industry, string city) =>
        _directory.CreateAsync(Actor.For(_rep), new NewCustomer(
            new CustomerDetails(name, CustomerKind.Company, industry, null, city, null, null, null, CustomerStatus.Active, null),
            IgnoreDuplicates: true));
}
