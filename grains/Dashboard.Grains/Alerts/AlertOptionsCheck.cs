using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Alerts;

/// <summary>Refuses alert settings that cannot work, each named by its key.</summary>
public sealed class AlertOptionsCheck : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var failures = new List<string>();
        void Require(bool holds, string failure)
        {
            if (!holds)
            {
                failures.Add($"{AlertOptions.Section}:{failure}");
            }
        }

        Require(options.EvaluateEvery > TimeSpan.Zero, "EvaluateEvery must be positive");
        Require(options.EscalateAfter > TimeSpan.Zero, "EscalateAfter must be positive: an alert would escalate the moment it fires");
        Require(options.KeepFor > TimeSpan.Zero, "KeepFor must be positive");
        Require(options.HotlineSilentAfter >= TimeSpan.Zero, "HotlineSilentAfter must not be negative (zero turns the rule off)");
        Require(options.InstitutionSilentAfter >= TimeSpan.Zero, "InstitutionSilentAfter must not be negative (zero turns the rule off)");
        foreach (var (key, rule) in options.Hotlines.Select(line => ($"Hotlines:{line.Key}", line.Value)).Prepend(("Spike", options.Spike)))
        {
            if (rule.Problem() is { } problem)
            {
                failures.Add($"{AlertOptions.Section}:{key}:{problem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
