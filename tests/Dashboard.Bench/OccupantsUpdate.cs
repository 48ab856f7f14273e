namespace Dashboard.Bench;

/// <summary>
/// The one figure a benchmark client reads from an <c>update</c> message. Binding to it skips the rest
/// of the snapshot without building a document, so a thousand clients in one process stay cheap.
/// </summary>
public sealed record OccupantsUpdate(string Key, OccupantsUpdate.Snapshot Data)
{
    public sealed record Snapshot(Group ElderlyCare);

    public sealed record Group(int Occupants);
}
