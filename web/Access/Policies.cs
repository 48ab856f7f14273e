using Dashboard.Contracts.Access;

namespace Dashboard.Web.Access;

/// <summary>The authorization policies every endpoint, page and hub names; admin passes each but the reporting page's own.</summary>
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

    /// <summary>POST /api/v1/workorders: machines and admins, not an institution's reporting link.</summary>
    public const string WorkOrders = "work-orders";

    /// <summary>An institution's reporting page: its own figures. Tied to one institution's link, so not even admin passes.</summary>
    public const string Report = "report";

    /// <summary>Anyone with a session or key, whatever the role: who am I, sign out.</summary>
    public const string SignedIn = "signed-in";

    public static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>
    {
        [View] = [Role.Viewer, Role.Duty, Role.Admin],
        [Duty] = [Role.Duty, Role.Admin],
        [Admin] = [Role.Admin],
        [Ingest] = [Role.Ingest, Role.Admin, Role.Reporter],
        [WorkOrders] = [Role.Ingest, Role.Admin],
        [Report] = [Role.Reporter],
        [SignedIn] = Enum.GetValues<Role>(),
    };
}
