using System.Net;
using System.Text.RegularExpressions;

namespace SalesHub.Web.Bench;

/// <summary>
/// The sign-in page's form as a browser submits it: the hidden fields read from the page (the form
/// handler name and the antiforgery token) plus the e-mail and password inputs.
/// </summary>
internal static partial class LoginForm
{
    private const string EmailField = "Input.Email";
    private const string PasswordField = "Input.Password";

    public static IReadOnlyList<KeyValuePair<string, string>> Fill(string pageHtml, string email, string password)
    {
        var inputs = InputTag().Matches(pageHtml)
            .Select(tag => Attribute().Matches(tag.Value).ToDictionary(a => a.Groups["name"].Value, a => WebUtility.HtmlDecode(a.Groups["value"].Value)))
            .ToList();
        if (!inputs.Any(i => i.GetValueOrDefault("name") == EmailField) || !inputs.Any(i => i.GetValueOrDefault("name") == PasswordField))
        {
            throw new UnexpectedResponseException($"The sign-in page has no {EmailField} and {PasswordField} inputs any more.");
        }

        var hidden = inputs
            .Where(i => i.GetValueOrDefault("type") == "hidden" && i.ContainsKey("name"))
            .Select(i => KeyValuePair.Create(i["name"], i.GetValueOrDefault("value") ?? ""))
            .ToList();
        if (!hidden.Any(h => h.Key == "__RequestVerificationToken"))
        {
            throw new UnexpectedResponseException("The sign-in page has no antiforgery token.");
        }

        return [.. hidden, KeyValuePair.Create(EmailField, email), KeyValuePair.Create(PasswordField, password)];
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\b(?<name>[a-z-]+)=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();
}
