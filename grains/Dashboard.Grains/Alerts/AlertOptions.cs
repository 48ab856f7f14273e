namespace Dashboard.Grains.Alerts;

/// <summary>Configuration section <c>Dashboard:Alerts</c>.</summary>
public sealed class AlertOptions
{
    public const string Section = "Dashboard:Alerts";

    /// <summary>How often the rules run (each silo triggers them).</summary>
    public TimeSpan EvaluateEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The spike rule for every hotline without a rule of its own.</summary>
    public SpikeRuleOptions Spike { get; set; } = new();

    /// <summary>Spike rules per hotline code, replacing <see cref="Spike"/> for that line.</summary>
    public Dictionary<string, SpikeRuleOptions> Hotlines { get; set; } = [];

    /// <summary>A hotline with no data for this long is an alert of its own (no-data rule); zero turns the rule off.</summary>
    public TimeSpan HotlineSilentAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// An institution with no data for this long is a no-data alert of its own. Zero (the default) turns
    /// the rule off: many institutions report only when someone is admitted or discharged.
    /// </summary>
    public TimeSpan InstitutionSilentAfter { get; set; } = TimeSpan.Zero;

    /// <summary>A firing alert not acknowledged for this long escalates one level, and again after as long.</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long resolved alerts and the audit log are kept.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(90);

    public SpikeRuleOptions SpikeRuleFor(string hotline) => Hotlines.GetValueOrDefault(hotline) ?? Spike;
}
