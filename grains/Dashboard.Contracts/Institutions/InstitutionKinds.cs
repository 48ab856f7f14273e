using System.Collections.Frozen;

namespace Dashboard.Contracts.Institutions;

/// <summary>Stable wire names of institution kinds (JSON, CSV) and the snapshot group each kind counts in.</summary>
public static class InstitutionKinds
{
    private static readonly FrozenDictionary<InstitutionKind, string> WireNames = new Dictionary<InstitutionKind, string>
    {
        [InstitutionKind.PublicElderlyCare] = "public-elderly-care",
        [InstitutionKind.PrivateElderlyCare] = "private-elderly-care",
        [InstitutionKind.PublicBuiltPrivatelyRun] = "public-built-privately-run",
        [InstitutionKind.RegionalElderlyHome] = "regional-elderly-home",
        [InstitutionKind.ChildWelfare] = "child-welfare",
        [InstitutionKind.RescueStation] = "rescue-station",
        [InstitutionKind.MinorProtectionCenter] = "minor-protection-center",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, InstitutionKind> ByWireName =
        WireNames.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public static string ToWireName(this InstitutionKind kind) => WireNames[kind];

    public static bool TryParse(string? wireName, out InstitutionKind kind) =>
        ByWireName.TryGetValue(wireName ?? string.Empty, out kind);

    public static bool IsElderlyCare(this InstitutionKind kind) => kind is
        InstitutionKind.PublicElderlyCare or InstitutionKind.PrivateElderlyCare or
        InstitutionKind.PublicBuiltPrivatelyRun or InstitutionKind.RegionalElderlyHome;

    public static bool IsChildWelfare(this InstitutionKind kind) => kind is InstitutionKind.ChildWelfare;
}
