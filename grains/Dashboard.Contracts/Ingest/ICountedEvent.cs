namespace Dashboard.Contracts.Ingest;

/// <summary>What exactly-once counting needs of an event, whatever it counts.</summary>
public interface ICountedEvent
{
    /// <summary>Unique per source; a retry reuses it.</summary>
    string EventId { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>A hash of the payload: the same id with another fingerprint is a conflicting reuse of the id.</summary>
    ulong Fingerprint { get; }
}
