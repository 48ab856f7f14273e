namespace Dashboard.Contracts.Access;

/// <summary>What a person or a machine may do. Admin may do everything but report for an institution; the others one job each.</summary>
[GenerateSerializer, Alias("dashboard.role")]
public enum Role
{
    /// <summary>Walls, leader pages and the read APIs.</summary>
    Viewer,

    /// <summary>A viewer who also acknowledges, resolves and silences alerts.</summary>
    Duty,

    /// <summary>Registry, targets, users, keys and display tokens; everything a viewer, duty officer or machine source may do.</summary>
    Admin,

    /// <summary>A machine source: POST /api/v1/events and POST /api/v1/workorders, nothing else.</summary>
    Ingest,

    /// <summary>
    /// An institution's clerk, through the reporting link on a phone: that one institution's events
    /// and its own figures. Only a reporting link carries it, never a person or an ordinary key.
    /// </summary>
    Reporter,
}
