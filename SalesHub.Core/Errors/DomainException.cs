namespace SalesHub.Core.Errors;

/// <summary>
/// A broken business rule. <see cref="Code"/> is a message key ("Teams.NameTaken") that the UI and
/// the API translate into the user's language; <see cref="Arguments"/> fill the message's placeholders.
/// </summary>
public class DomainException(string code, params object?[] arguments) : Exception(code)
{
    public string Code { get; } = code;

    public IReadOnlyList<object?> Arguments { get; } = arguments;

    /// <summary>The input field the error belongs to (camelCase), when there is one.</summary>
    public string? Field { get; init; }
}

/// <summary>The record does not exist, or the actor may not see it: both answer the same way.</summary>
public sealed class RecordNotFoundException(string entityType, object id)
    : DomainException("Errors.NotFound", entityType, id);

/// <summary>The actor is signed in but lacks the permission for the operation.</summary>
public sealed class ForbiddenException() : DomainException("Errors.Forbidden");
