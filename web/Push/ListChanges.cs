namespace Dashboard.Web.Push;

/// <summary>
/// Says that an update's <paramref name="List"/> holds only the entries (named by <paramref name="By"/>)
/// that changed after version <paramref name="Since"/>: a client holding that version or a newer one
/// replaces those entries and keeps the others; a client holding an older one takes a snapshot.
/// Entries are compared as sent, so figures that age without a new version (calls in the last hour,
/// "today" after midnight) go out with the next update that finds them changed; pages also take a
/// fresh snapshot periodically and at midnight.
/// </summary>
public sealed record ListChanges(string List, string By, long Since);
