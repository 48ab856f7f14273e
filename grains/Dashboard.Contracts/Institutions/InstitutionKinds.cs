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

    private static readonly FrozenDictionary<InstitutionKind, string> ChineseNames = new Dictionary<InstitutionKind, string>
    {
        [InstitutionKind.PublicElderlyCare] = "公办养老机构",
        [InstitutionKind.PrivateElderlyCare] = "民办养老机构",
        [InstitutionKind.PublicBuiltPrivatelyRun] = "公建民营养老机构",
        [InstitutionKind.RegionalElderlyHome] = "区域性敬老院",
        [InstitutionKind.ChildWelfare] = "儿童福利机构",
        [InstitutionKind.RescueStation] = "救助管理站",
        [InstitutionKind.MinorProtectionCenter] = "未成年人救助保护中心",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, InstitutionKind> ByName =
        WireNames.Concat(ChineseNames).ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public static string ToWireName(this InstitutionKind kind) => WireNames[kind];

    /// <summary>The name the bureau uses, as in the registry and on the pages.</summary>
    public static string ToChineseName(this InstitutionKind kind) => ChineseNames[kind];

    /// <summary>Accepts the wire name (<c>child-welfare</c>) or the Chinese name (儿童福利机构).</summary>
    public static bool TryParse(string? name, out InstitutionKind kind) =>
        ByName.TryGetValue(name?.Trim() ?? string.Empty, out kind);

    public static bool IsElderlyCare(this InstitutionKind kind) => kind is
        InstitutionKind.PublicElderlyCare or InstitutionKind.PrivateElderlyCare or
        InstitutionKind.PublicBuiltPrivatelyRun or InstitutionKind.RegionalElderlyHome;

    public static bool IsChildWelfare(this InstitutionKind kind) => kind is InstitutionKind.ChildWelfare;

    /// <summary>Stations that receive people in need (救助管理站, 未成年人救助保护中心) and count rescues.</summary>
    public static bool IsRescue(this InstitutionKind kind) => kind is InstitutionKind.RescueStation or InstitutionKind.MinorProtectionCenter;
}
