using System.Collections.Immutable;

namespace Dashboard.Contracts.Ingest;

/// <summary>
/// A sealed block of accepted event ids of one counting grain, keyed <c>&lt;scope&gt;/&lt;block&gt;</c>.
/// Blocks move out of the counting grain's state once full, so its every write stays small however
/// many events the dedupe window holds.
/// </summary>
public interface IAcceptedIdsArchiveGrain : IGrainWithStringKey
{
    /// <summary>Stores the block (absolute, so a repeated hand-over is harmless).</summary>
    Task Keep(ImmutableArray<AcceptedId> ids);

    Task<ImmutableArray<AcceptedId>> Read();

    /// <summary>Deletes the block once its ids are out of the window.</summary>
    Task Forget();
}
