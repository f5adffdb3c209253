using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using SalesHub.Web.Hosting;

namespace SalesHub.Web.Security;

internal static class AuthenticationSetup
{
    /// <summary>The policy of every /api/v1 endpoint: a valid bearer token.</summary>
    public const string ApiPolicy = "Api";

    /// <summary>Signed in either way: a browser session or an API token (the OpenAPI document).</summary>
    public const string SignedInPolicy = "SignedIn";

    public static void AddSalesHubAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section));
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddSingleton<SigningKey>();
        services.AddSingleton<ApiTokens>();
        services.AddScoped<SessionValidation>();
        services.AddScoped<PasswordCheck>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<SignInRedirect>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.Cookie.Name = "SalesHub.Session";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
            }));
        services.AddAuthentication().AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey>((o, key) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = ApiTokens.ValidationParameters(key.Key);
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = RefuseRevokedTokensAsync,
                    OnChallenge = ApiProblems.WriteBearerChallengeAsync,
                };
            });

        // Sessions and circuits both re-check their user this often (see SessionValidation).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = security.SessionRevalidationInterval);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicy, p => p
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(SignedInPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser());
    }

    // A token outlives nothing its account went through: deactivation or a new role, team or
    // password changes the security stamp, and the token stops working at once.
    private static async Task RefuseRevokedTokensAsync(TokenValidatedContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidation>();
        if (context.Principal is null || !await sessions.IsCurrentAsync(context.Principal))
        {
            context.Fail(new RevokedTokenException());
        }
    }

    // The API answers 401/403 with problem details; only pages are sent to the sign-in page.
    private static Task ApiAwareRedirect(HttpContext context, string redirectUri, int apiStatus)
    {
        if (ApiProblems.IsApiRequest(context.Request))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The token is genuine but its account was deactivated or changed since it was issued.</summary>
internal sealed class RevokedTokenException() : Exception("The token was revoked.");
