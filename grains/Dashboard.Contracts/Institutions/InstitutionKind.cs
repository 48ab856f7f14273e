namespace Dashboard.Contracts.Institutions;

/// <summary>The kinds of institution the bureau registers; the wire names are in <see cref="InstitutionKinds"/>.</summary>
public enum InstitutionKind
{
    PublicElderlyCare,
    PrivateElderlyCare,
    PublicBuiltPrivatelyRun,
    RegionalElderlyHome,
    ChildWelfare,
    RescueStation,
    MinorProtectionCenter,
}
