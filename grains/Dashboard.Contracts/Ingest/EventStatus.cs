namespace Dashboard.Contracts.Ingest;

/// <summary>The outcome of one ingested event.</summary>
public enum EventStatus
{
    Accepted,
    Duplicate,
    Rejected,
}
