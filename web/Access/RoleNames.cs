using System.Diagnostics.CodeAnalysis;
using Dashboard.Contracts.Access;

namespace Dashboard.Web.Access;

/// <summary>Roles as the API spells them: viewer, duty, admin, ingest.</summary>
public static class RoleNames
{
    public static string Of(Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, [NotNullWhen(true)] out Role? role)
    {
        role = Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(candidate => Of(candidate!.Value) == name);
        return role is not null;
    }

    public static string All(IEnumerable<Role> roles) => string.Join("、", roles.Select(Of));
}
