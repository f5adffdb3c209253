namespace SalesHub.Web.Components.Pages.Quotes.Components;

/// <summary>A customer as the quote pages pick it.</summary>
public sealed record CustomerChoice(int Id, string Name);
