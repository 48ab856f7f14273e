using Dashboard.Contracts.Access;

namespace Dashboard.Web.Access;

/// <summary>The authorization policies every endpoint, page and hub names; admin passes each of them.</summary>
public static class Policies
{
    /// <summary>Walls, leader pages and the read APIs.</summary>
    public const string View = "view";

    /// <summary>Acknowledge, resolve and silence alerts.</summary>
    public const string Duty = "duty";

    /// <summary>Registry, targets, users, keys, display tokens and the audit trail.</summary>
    public const string Admin = "admin";

    /// <summary>POST /api/v1/events.</summary>
    public const string Ingest = "ingest";

    /// <summary>Anyone with a session or key, whatever the role: who am I, sign out.</summary>
    public const string SignedIn = "signed-in";

    public static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>
    {
        [View] = [Role.Viewer, Role.Duty, Role.Admin],
        [Duty] = [Role.Duty, Role.Admin],
        [Admin] = [Role.Admin],
        [Ingest] = [Role.Ingest, Role.Admin],
        [SignedIn] = Enum.GetValues<Role>(),
    };
}
