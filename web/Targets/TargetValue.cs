namespace Dashboard.Web.Targets;

/// <summary>The body of <c>PUT /api/v1/targets/{county}/{metric}</c>.</summary>
public sealed record TargetValue(int? Value);
