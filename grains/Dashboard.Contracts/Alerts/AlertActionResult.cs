namespace Dashboard.Contracts.Alerts;

/// <summary>What an acknowledge or resolve did, with the alert as it is now (null when unknown).</summary>
[GenerateSerializer, Immutable, Alias("dashboard.alert-action-result")]
public sealed record AlertActionResult(
    [property: Id(0)] AlertActionOutcome Outcome,
    [property: Id(1)] AlertView? Alert);
