namespace Dashboard.Contracts.Push;

/// <summary>The keys of pushed updates, which are also the SignalR group names.</summary>
public static class UpdateKeys
{
    public const string City = "city";

    private const string CountyPrefix = "county:";

    public static string County(string code) => CountyPrefix + code;

    public static bool TryParseCounty(string key, out string code)
    {
        code = key.StartsWith(CountyPrefix, StringComparison.Ordinal) ? key[CountyPrefix.Length..] : string.Empty;
        return code.Length > 0;
    }
}
