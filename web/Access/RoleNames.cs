using System.Diagnostics.CodeAnalysis;
using Dashboard.Contracts.Access;

namespace Dashboard.Web.Access;

/// <summary>Roles as the API spells them (viewer, duty, admin, ingest, reporter), and who may hold which.</summary>
public static class RoleNames
{
    /// <summary>What a person may be, as a user or through single sign-on.</summary>
    public static readonly Role[] People = [Role.Viewer, Role.Duty, Role.Admin];

    /// <summary>What an admin may issue an API key for; a reporter's key comes only with an institution's reporting link.</summary>
    public static readonly Role[] Keys = [Role.Viewer, Role.Duty, Role.Admin, Role.Ingest];

    public static string Of(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>The role with this name, if it is one of <paramref name="allowed"/>.</summary>
    public static bool TryParse(string? name, Role[] allowed, [NotNullWhen(true)] out Role? role)
    {
        role = allowed.Cast<Role?>().FirstOrDefault(candidate => Of(candidate!.Value) == name);
        return role is not null;
    }

    public static string All(IEnumerable<Role> roles) => string.Join("、", roles.Select(Of));
}
