namespace Dashboard.Grains.Alerts;

/// <summary>A subject that no longer reports by design (a deactivated institution): its open alerts end, with the reason.</summary>
public sealed record Retirement(string Subject, string Reason) : IAlertFinding;
