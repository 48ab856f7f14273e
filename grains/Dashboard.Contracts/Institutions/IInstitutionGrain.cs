using System.Collections.Immutable;
using Dashboard.Contracts.Ingest;

namespace Dashboard.Contracts.Institutions;

/// <summary>One institution's live counters, keyed by its registry id.</summary>
public interface IInstitutionGrain : IGrainWithStringKey
{
    /// <summary>Registers the institution (idempotent); the counters are set only when it is new.</summary>
    Task Register(InstitutionInfo info, int beds, int occupants);

    /// <summary>Applies events in order, exactly once per event id, in one durable state write.</summary>
    Task<ImmutableArray<EventResult>> Apply(ImmutableArray<InstitutionChange> changes);

    /// <summary>The last durably stored totals, or null for an id the registry does not know.</summary>
    [AlwaysInterleave]
    Task<InstitutionTotals?> GetTotals();
}
