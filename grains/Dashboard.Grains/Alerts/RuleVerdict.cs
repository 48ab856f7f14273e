namespace Dashboard.Grains.Alerts;

/// <summary>What a rule found for one subject now: whether it is breached, the figures and the words for them.</summary>
public sealed record RuleVerdict(string Rule, bool Breached, double Expected, int Observed, string Message);
