namespace Dashboard.Web.Access;

public static class HubPaths
{
    public const string Dashboard = "/hubs/dashboard";
}
