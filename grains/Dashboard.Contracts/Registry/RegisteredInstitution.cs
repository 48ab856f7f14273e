using Dashboard.Contracts.Institutions;

namespace Dashboard.Contracts.Registry;

/// <summary>
/// An institution as a registry file lists it, with its counters at the time of the load; a station of
/// the demo registry also brings this year's rescue figures and its current residents.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.registered-institution")]
public sealed record RegisteredInstitution(
    [property: Id(0)] InstitutionInfo Info,
    [property: Id(1)] int Beds,
    [property: Id(2)] int Occupants,
    [property: Id(3)] RescueOpening? Rescue = null);
