using Microsoft.AspNetCore.Authorization;

namespace SalesHub.Web.Security;

/// <summary>The caller's account is active and their token was issued for its current security stamp.</summary>
public sealed class ActiveAccountRequirement : IAuthorizationRequirement;

internal sealed class ActiveAccountHandler(SessionValidation sessions) : AuthorizationHandler<ActiveAccountRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveAccountRequirement requirement)
    {
        if (await sessions.IsCurrentAsync(context.User))
        {
            context.Succeed(requirement);
        }
    }
}
