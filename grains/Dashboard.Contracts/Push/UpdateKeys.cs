namespace Dashboard.Contracts.Push;

/// <summary>The keys of pushed updates and the SignalR groups that receive them.</summary>
public static class UpdateKeys
{
    public const string City = "city";

    /// <summary>The group of every hotline's updates (keys <c>hotline:&lt;code&gt;</c>).</summary>
    public const string Hotlines = "hotline";

    /// <summary>The alert board: open alerts and those resolved in the last day.</summary>
    public const string Alerts = "alerts";

    private const string CountyPrefix = "county:";

    private const string HotlinePrefix = "hotline:";

    public static string County(string code) => CountyPrefix + code;

    public static string Hotline(string code) => HotlinePrefix + code;

    public static bool TryParseCounty(string key, out string code) => TryParse(key, CountyPrefix, out code);

    public static bool TryParseHotline(string key, out string code) => TryParse(key, HotlinePrefix, out code);

    /// <summary>The groups an update goes to: its own key, and the hotline group for any hotline.</summary>
    public static IEnumerable<string> GroupsOf(string key) =>
        key.StartsWith(HotlinePrefix, StringComparison.Ordinal) ? [key, Hotlines] : [key];

    private static bool TryParse(string key, string prefix, out string code)
    {
        code = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : string.Empty;
        return code.Length > 0;
    }
}
