namespace Dashboard.Contracts.Alerts;

/// <summary>Where an alert is in its life: pending → firing → acknowledged → resolved.</summary>
public enum AlertState
{
    /// <summary>The rule is breached, but not yet for the pending period.</summary>
    Pending,

    /// <summary>Breached for the pending period: the duty officer is told and must acknowledge.</summary>
    Firing,

    /// <summary>A person took it on; it no longer escalates.</summary>
    Acknowledged,

    /// <summary>Over: by a person, or by the system after the rate was normal for the hold period.</summary>
    Resolved,
}
