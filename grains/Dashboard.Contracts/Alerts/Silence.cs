namespace Dashboard.Contracts.Alerts;

/// <summary>
/// No alert opens or escalates for the matching scope and rule (null: any) between
/// <paramref name="Starts"/> and <paramref name="Ends"/>: a silence from now, or a scheduled mute
/// window such as a known campaign day.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.silence")]
public sealed record Silence(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Scope,
    [property: Id(2)] string? Rule,
    [property: Id(3)] DateTimeOffset Starts,
    [property: Id(4)] DateTimeOffset Ends,
    [property: Id(5)] string Reason,
    [property: Id(6)] string By)
{
    public bool Mutes(string scope, string rule, DateTimeOffset at) =>
        (Scope is null || Scope == scope) && (Rule is null || Rule == rule) && Starts <= at && at < Ends;
}
