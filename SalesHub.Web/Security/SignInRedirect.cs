namespace SalesHub.Web.Security;

/// <summary>
/// Where a circuit sends its user to sign in again. A password change ends the session (the security
/// stamp changes), and the circuit's revalidation may notice that before the page itself navigates:
/// either way the user lands on the sign-in page that says the password was changed.
/// </summary>
internal sealed class SignInRedirect
{
    public const string PasswordChangedAddress = "Account/Login?changed=true";

    private bool _passwordChanging;

    /// <summary>Called before the new password is saved, so a revalidation that follows the save knows why.</summary>
    public void PasswordChanging() => _passwordChanging = true;

    /// <summary>Called when the change was refused: the session goes on.</summary>
    public void PasswordKept() => _passwordChanging = false;

    public string LoginAddress(string returnPath) =>
        _passwordChanging ? PasswordChangedAddress : $"Account/Login?returnUrl={Uri.EscapeDataString(returnPath)}";
}
