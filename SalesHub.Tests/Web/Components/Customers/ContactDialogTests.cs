using Bunit;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Customers.Components;

namespace SalesHub.Tests.Web.Components.Customers;

public sealed class ContactDialogTests : CustomerDialogTest
{
    [Fact]
    public async Task AnEmptyNameIsExplainedBesideTheNameAndNothingIsSaved()
    {
        var dialog = await ShowAsync(new DialogParameters<ContactDialog> { { d => d.CustomerId, Customer.Id } });

        Input("contact-name").Change("   ");
        Click("contact-save");

        AssertRefusedBeside(dialog, "contact-name", "Enter the contact's name.");
        Assert.Null(FieldMessage("contact-email"));
        Assert.Equal(["Li Lei"], (await Contacts()).Select(c => c.Name));
    }

    [Fact]
    public async Task APhoneAndAnEmailAreCheckedBesideTheirFieldsBeforeTheContactIsAdded()
    {
        var dialog = await ShowAsync(new DialogParameters<ContactDialog> { { d => d.CustomerId, Customer.Id } });
        Input("contact-name").Change("Han Meimei");
        Input("contact-mobile").Change("call me");
        Click("contact-save");
        AssertRefusedBeside(dialog, "contact-mobile", "Enter a valid phone number: 7 to 15 digits, with an optional + in front, spaces, dashes, dots or brackets.");

        Input("contact-mobile").Change("139 1234 5678");
        Input("contact-email").Change("han at example.com");
        Click("contact-save");
        AssertRefusedBeside(dialog, "contact-email", "Enter a valid e-mail address, like name@example.com.");
        Assert.Null(FieldMessage("contact-mobile"));

        Input("contact-email").Change("han@example.com");
        Input("contact-primary-check").Change(true);
        Click("contact-save");

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        var contacts = await Contacts();
        var added = Assert.Single(contacts, c => c.Name == "Han Meimei");
        Assert.Equal(("139 1234 5678", "han@example.com", true), (added.Mobile, added.Email, added.IsPrimary));
        Assert.False(contacts.Single(c => c.Name == "Li Lei").IsPrimary);
    }

    [Fact]
    public async Task AStaleEditIsRefusedWithWhatTheOtherPersonChanged()
    {
        var contacts = Get<CustomerContacts>();
        var opened = (await Contacts()).Single();
        var dialog = await ShowAsync(new DialogParameters<ContactDialog> { { d => d.CustomerId, Customer.Id }, { d => d.Contact, opened } });
        await contacts.UpdateAsync(RepActor, opened.Id, new ContactDetails("Li Lei", "Buyer", opened.Mobile, null, null, null, true), opened.Version);

        Input("contact-title").Change("CEO");
        Click("contact-save");

        Provider.WaitForAssertion(() => Assert.Contains(SnackbarMessages, m =>
            m.StartsWith("Someone else changed this record", StringComparison.Ordinal) && m.Contains("\"Buyer\"", StringComparison.Ordinal)));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal("Buyer", (await Contacts()).Single().Title);
    }

    private Task<IReadOnlyList<ContactRow>> Contacts() => Get<CustomerContacts>().ListAsync(Actor.System, Customer.Id);
}
