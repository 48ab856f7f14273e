namespace Dashboard.Grains;

public static class StorageNames
{
    /// <summary>The grain storage provider that holds every durable grain state.</summary>
    public const string Dashboard = "dashboard";
}
