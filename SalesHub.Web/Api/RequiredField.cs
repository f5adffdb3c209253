using SalesHub.Core.Errors;

namespace SalesHub.Web.Api;

/// <summary>
/// A body or query-string field the API cannot do without (a version, a date), checked after reading
/// so that the problem names the field in the caller's language instead of failing the whole request.
/// </summary>
internal static class RequiredField
{
    public static T Of<T>(T? value, string field)
        where T : struct =>
        value ?? throw new DomainException("Errors.Required") { Field = field };
}
