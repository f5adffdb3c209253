using Microsoft.AspNetCore.Identity;
using SalesHub.Core.Records;

namespace SalesHub.Core.Security;

/// <summary>A person who signs in to SalesHub: a rep, a sales manager or an administrator.</summary>
public sealed class AppUser : IdentityUser<int>, IVersioned, IAudited
{
    public string DisplayName { get; set; } = "";

    /// <summary>One of <see cref="Roles"/>; it becomes the user's role claim.</summary>
    public string Role { get; set; } = Roles.SalesRep;

    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>A deactivated user cannot sign in, and their open sessions end.</summary>
    public bool IsActive { get; set; } = true;

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
