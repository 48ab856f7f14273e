using Dashboard.Grains.Ingest;

namespace Dashboard.Grains.Counting;

/// <summary>The part of a counting grain's durable state that <see cref="CountingCore{TState}"/> keeps.</summary>
public interface ICountedState
{
    long Version { get; set; }

    DateTimeOffset AsOf { get; set; }

    /// <summary>Written with the counters, so an acknowledged event is never lost and never counted twice.</summary>
    AcceptedIds Accepted { get; }
}
