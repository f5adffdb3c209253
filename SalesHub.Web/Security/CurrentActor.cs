using Microsoft.AspNetCore.Components.Authorization;
using SalesHub.Core.Security;

namespace SalesHub.Web.Security;

/// <summary>The actor of the current circuit, for components to pass to Core services.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.From(state.User);
    }
}
