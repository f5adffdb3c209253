using System.Globalization;
using SalesHub.Core.Pipeline;

namespace SalesHub.Web.Components.Pages.Pipeline.Components;

/// <summary>A card on the board, in the drop zone of the stage the server says it is in.</summary>
public sealed record BoardCard(OpportunityRow Row)
{
    public string Zone { get; } = Row.StageId.ToString(CultureInfo.InvariantCulture);
}
