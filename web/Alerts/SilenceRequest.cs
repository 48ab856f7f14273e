using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Alerts;

namespace Dashboard.Web.Alerts;

/// <summary>
/// A silence as an officer asks for it: scope (a county or the city code; none for every hotline),
/// rule (spike or no-data; none for both), from when (default now) until when, why, and who.
/// </summary>
public sealed record SilenceRequest(string? Scope, string? Rule, DateTimeOffset? Starts, DateTimeOffset? Ends, string? Reason, string? By)
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(31);

    public Dictionary<string, string[]> Validate(Region region, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (Scope is not null && !region.Contains(Scope))
        {
            errors["scope"] = [$"区县代码 '{Scope}' 不在登记册中"];
        }

        if (Rule is not null and not (SpikeRule.Name or NoDataRule.Name))
        {
            errors["rule"] = [$"未知规则 '{Rule}'，可用 {SpikeRule.Name} 或 {NoDataRule.Name}"];
        }

        var starts = Starts ?? now;
        if (Ends is not { } ends || ends <= starts || ends <= now || ends - starts > Longest)
        {
            errors["ends"] = [$"ends 必须晚于开始时间和当前时间，且静默最长 {Longest.TotalDays:0} 天"];
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            errors["reason"] = ["请填写静默原因"];
        }

        if (string.IsNullOrWhiteSpace(By))
        {
            errors["by"] = ["请填写操作人姓名"];
        }

        return errors;
    }

    public Silence ToSilence(DateTimeOffset now) => new(string.Empty, Scope, Rule, Starts ?? now, Ends!.Value, Reason!.Trim(), By!.Trim());
}
