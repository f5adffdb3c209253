using Bunit;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Web.Components.Pages.Customers.Components;

namespace SalesHub.Tests.Web.Components.Customers;

public sealed class CustomerDialogTests : CustomerDialogTest
{
    [Fact]
    public async Task ThePrimaryContactsErrorsAreShownBesideTheContactsFieldsNotTheCustomers()
    {
        var dialog = await ShowAsync(new DialogParameters<CustomerDialog>());
        Input("customer-name-input").Change("Globex");

        Input("customer-contact-name").Change(new string('x', Contact.NameMaxLength + 1));
        Click("customer-save");
        AssertRefusedBeside(dialog, "customer-contact-name", $"At most {Contact.NameMaxLength} characters.");
        Assert.Null(FieldMessage("customer-name-input"));

        Input("customer-contact-name").Change("Han Meimei");
        Input("customer-mobile").Change("call me");
        Click("customer-save");
        AssertRefusedBeside(dialog, "customer-mobile", "Enter a valid phone number: 7 to 15 digits, with an optional + in front, spaces, dashes, dots or brackets.");
        Assert.Null(FieldMessage("customer-contact-name"));

        Input("customer-mobile").Change("139 1234 5678");
        Input("customer-email").Change("han at example.com");
        Click("customer-save");
        AssertRefusedBeside(dialog, "customer-email", "Enter a valid e-mail address, like name@example.com.");
        Assert.Null(FieldMessage("customer-mobile"));
        Assert.Equal(["Acme Trading"], (await Get<CustomerDirectory>().ListAsync(RepActor, new CustomerQuery())).Items.Select(c => c.Name));
    }
}
