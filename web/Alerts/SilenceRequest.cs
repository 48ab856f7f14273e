using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Text;
using Dashboard.Grains.Alerts;

namespace Dashboard.Web.Alerts;

/// <summary>
/// A silence as an officer asks for it: scope (a county or the city code; none for every hotline),
/// rule (spike or no-data; none for both), from when (default now, at most 31 days ahead) until when,
/// and why. <paramref name="By"/> is optional display text beside the signed-in identity.
/// </summary>
public sealed record SilenceRequest(string? Scope, string? Rule, DateTimeOffset? Starts, DateTimeOffset? Ends, string? Reason, string? By)
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(31);

    private const int MaxReason = 200;

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
        if (starts > now + Longest)
        {
            errors["starts"] = [$"starts 最多在 {Longest.TotalDays:0} 天之后"];
        }

        if (Ends is not { } ends || ends <= starts || ends <= now || ends - starts > Longest)
        {
            errors["ends"] = [$"ends 必须晚于开始时间和当前时间，且静默最长 {Longest.TotalDays:0} 天"];
        }

        if (SafeText.CheckText(Reason, "静默原因", MaxReason, required: true) is { } reasonProblem)
        {
            errors["reason"] = [reasonProblem];
        }

        if (SafeText.CheckName(By, "操作人姓名", AlertActionRequest.MaxName, required: false) is { } byProblem)
        {
            errors["by"] = [byProblem];
        }

        return errors;
    }

    public Silence ToSilence(DateTimeOffset now, string recordedBy) => new(string.Empty, Scope, Rule, Starts ?? now, Ends!.Value, Reason!.Trim(), recordedBy);
}
