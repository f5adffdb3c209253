using Bunit;
using MudBlazor;
using SalesHub.Core.Customers;
using SalesHub.Core.Security;
using SalesHub.Web.Components.Pages.Customers.Components;

namespace SalesHub.Tests.Web.Components.Customers;

public sealed class InteractionDialogTests : CustomerDialogTest
{
    [Fact]
    public async Task AnEmptySummaryIsExplainedBesideTheSummaryAndNothingIsLogged()
    {
        var dialog = await ShowAsync(new DialogParameters<InteractionDialog> { { d => d.CustomerId, Customer.Id } });

        Input("interaction-outcome").Change("Sent a brochure");
        Click("interaction-save");

        AssertRefusedBeside(dialog, "interaction-summary", "Enter what was said or done.");
        Assert.Null(FieldMessage("interaction-outcome"));
        Assert.Equal(0, (await Timeline()).Total);
    }

    [Fact]
    public async Task ANewInteractionStartsAtNowOnTheUsersClockAndIsLoggedAtThatInstant()
    {
        // The test clock says 09:00 UTC, which is 17:00 in Shanghai.
        var dialog = await ShowAsync(new DialogParameters<InteractionDialog> { { d => d.CustomerId, Customer.Id } });
        Assert.Equal("17:00", Input("interaction-time").GetAttribute("value"));

        Input("interaction-summary").Change("Asked for a quote for 200 chairs");
        Input("interaction-next-step").Change("Send the quote on Monday");
        Click("interaction-save");

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        var logged = Assert.Single((await Timeline()).Items);
        Assert.Equal(
            (InteractionKind.Call, Database.Clock.GetUtcNow(), "Asked for a quote for 200 chairs", "Send the quote on Monday", "Rita"),
            (logged.Kind, logged.OccurredAt, logged.Summary, logged.NextStep, logged.LoggedByName));
    }

    [Fact]
    public async Task AStaleEditIsRefusedWithTheConflictMessage()
    {
        var timeline = Get<CustomerTimeline>();
        var at = Database.Clock.GetUtcNow();
        var id = await timeline.LogAsync(RepActor, Customer.Id, new InteractionDetails(InteractionKind.Visit, at, null, "First visit", null, null));
        var opened = (await Timeline()).Items.Single();
        var dialog = await ShowAsync(new DialogParameters<InteractionDialog> { { d => d.CustomerId, Customer.Id }, { d => d.Interaction, opened } });
        await timeline.UpdateAsync(RepActor, id, new InteractionDetails(InteractionKind.Visit, at, null, "First visit, met the buyer", null, null), opened.Version);

        Input("interaction-outcome").Change("Interested");
        Click("interaction-save");

        Provider.WaitForAssertion(() => Assert.Contains(SnackbarMessages, m => m.StartsWith("Someone else changed this record", StringComparison.Ordinal)));
        Assert.False(dialog.Result.IsCompleted);
        var stored = (await Timeline()).Items.Single();
        Assert.Equal(("First visit, met the buyer", null), (stored.Summary, stored.Outcome));
    }

    private Task<Page<InteractionRow>> Timeline() => Get<CustomerTimeline>().ListAsync(Actor.System, Customer.Id, 0, 10);
}
