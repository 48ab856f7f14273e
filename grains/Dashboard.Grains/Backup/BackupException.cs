namespace Dashboard.Grains.Backup;

/// <summary>A backup or restore that cannot be done, with the one line an operator needs.</summary>
public sealed class BackupException(string message) : Exception(message);
