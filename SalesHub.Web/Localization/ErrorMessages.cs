using System.Text;
using Microsoft.Extensions.Localization;
using SalesHub.Core.Errors;

namespace SalesHub.Web.Localization;

/// <summary>Turns domain errors into sentences in the user's language.</summary>
public sealed class ErrorMessages(IStringLocalizer<SharedResource> localizer)
{
    public string Describe(DomainException error)
    {
        var message = localizer[error.Code, [.. error.Arguments.Select(a => a ?? "")]];
        string text = message.ResourceNotFound ? localizer["Errors.Unexpected"] : message;
        return error is ConcurrencyConflictException conflict ? text + DescribeChanges(conflict) : text;
    }

    /// <summary>A field's label; entity properties (PascalCase) and API fields (camelCase) share one.</summary>
    public string FieldLabel(string entityType, string field)
    {
        field = field.Length > 0 ? char.ToLowerInvariant(field[0]) + field[1..] : field;
        var specific = localizer[$"Field.{entityType}.{field}"];
        if (!specific.ResourceNotFound)
        {
            return specific.Value;
        }

        var general = localizer[$"Field.{field}"];
        return general.ResourceNotFound ? field : general.Value;
    }

    private string DescribeChanges(ConcurrencyConflictException conflict)
    {
        var text = new StringBuilder();
        foreach (var entry in conflict.InterveningChanges)
        {
            foreach (var change in entry.Changes)
            {
                text.Append(' ').Append(localizer["Errors.ConflictChange",
                    FieldLabel(conflict.EntityType, change.Field), change.OldValue ?? "—", change.NewValue ?? "—", entry.UserName]);
            }
        }

        return text.ToString();
    }
}
