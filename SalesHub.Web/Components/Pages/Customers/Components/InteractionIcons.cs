using MudBlazor;
using SalesHub.Core.Customers;

namespace SalesHub.Web.Components.Pages.Customers.Components;

/// <summary>The icon each kind of interaction is shown with.</summary>
public static class InteractionIcons
{
    public static string Of(InteractionKind kind) => kind switch
    {
        InteractionKind.Call => Icons.Material.Filled.Phone,
        InteractionKind.Visit => Icons.Material.Filled.Place,
        InteractionKind.Meeting => Icons.Material.Filled.Groups,
        InteractionKind.Email => Icons.Material.Filled.Email,
        InteractionKind.WeChat => Icons.Material.Filled.Chat,
        _ => Icons.Material.Filled.StickyNote2,
    };
}
