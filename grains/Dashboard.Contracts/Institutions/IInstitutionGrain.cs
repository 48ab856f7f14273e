using System.Collections.Immutable;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Registry;

namespace Dashboard.Contracts.Institutions;

/// <summary>One institution's live counters, keyed by its registry id.</summary>
public interface IInstitutionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the institution or updates what the registry knows of it (name, kind, county, beds),
    /// and makes it active. Occupants and rescue figures are taken only when it is new, or when it
    /// changes between demo and real data, so a re-import never overwrites live counters.
    /// </summary>
    Task Register(RegisteredInstitution registration);

    /// <summary>Takes the institution out of every total; its history stays and it can be registered again.</summary>
    Task Deactivate();

    /// <summary>
    /// Applies events in order, exactly once per event id, and answers once they are durable. Calls
    /// interleave so that the events of all batches arriving during a write share the next one.
    /// </summary>
    [AlwaysInterleave]
    Task<ImmutableArray<EventResult>> Apply(ImmutableArray<InstitutionChange> changes);

    /// <summary>The last durably stored totals, or null for an id the registry does not know.</summary>
    [AlwaysInterleave]
    Task<InstitutionTotals?> GetTotals();
}
