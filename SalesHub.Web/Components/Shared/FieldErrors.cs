using MudBlazor;
using SalesHub.Core.Errors;
using SalesHub.Web.Localization;

namespace SalesHub.Web.Components.Shared;

/// <summary>
/// The messages a form shows next to its fields. A domain error naming a field goes beside that
/// field; any other goes to a snackbar.
/// </summary>
public sealed class FieldErrors(ErrorMessages messages, ISnackbar snackbar)
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? this[string field] => _errors.GetValueOrDefault(field);

    public void Clear() => _errors.Clear();

    public void Show(DomainException error)
    {
        var message = messages.Describe(error);
        if (error.Field is { } field)
        {
            _errors[field] = message;
        }
        else
        {
            snackbar.Add(message, Severity.Error);
        }
    }

    /// <summary>Runs a save; a refused one shows its message and reports false.</summary>
    public async Task<bool> TryAsync(Func<Task> save)
    {
        Clear();
        try
        {
            await save();
            return true;
        }
        catch (DomainException error)
        {
            Show(error);
            return false;
        }
    }
}
