using System.Collections.Immutable;

namespace Dashboard.Contracts.Access;

/// <summary>
/// The security audit trail of one Beijing day (key: the day as yyyy-MM-dd). A day per grain keeps
/// every write small however long the trail grows; it is kept for good, well beyond the 180 days
/// the classified-protection baseline asks for.
/// </summary>
public interface ISecurityLogGrain : IGrainWithStringKey
{
    /// <summary>Answers once the entry is durable; appends interleave so that a burst shares writes.</summary>
    [AlwaysInterleave]
    Task Append(SecurityEvent entry);

    [AlwaysInterleave]
    Task<ImmutableArray<SecurityEvent>> Get();
}
