namespace Dashboard.Grains.Backup;

/// <summary>Configuration section <c>Dashboard:Backup</c>: the embedded database's scheduled copies.</summary>
public sealed class BackupOptions
{
    public const string Section = "Dashboard:Backup";

    /// <summary>Take a copy every <see cref="Every"/> while the service runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where copies go; relative paths start at the data folder. Point it at another disk: a copy
    /// on the disk that fails is no copy.
    /// </summary>
    public string Folder { get; set; } = "backups";

    public TimeSpan Every { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The newest this many scheduled copies are kept; older ones are deleted.</summary>
    public int Keep { get; set; } = 28;
}
