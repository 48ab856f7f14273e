using Dashboard.Contracts.Ingest;

namespace Dashboard.Web.Ingest;

/// <summary>
/// One line per batch that was refused or had events rejected, never one per event: a sender that
/// gets a field wrong sends it wrong in every event. Reasons are the answer's own words, grouped. The
/// caller is named by its credential's kind and id (<c>key:…</c>), never by a person's name.
/// </summary>
public static partial class IngestLog
{
    private const int ReasonsShown = 3;

    public static void Rejections(ILogger logger, string? caller, IReadOnlyList<EventResult> results)
    {
        var rejected = results.Where(result => result.Status == EventStatus.Rejected).ToList();
        if (rejected.Count == 0 || !logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var reasons = rejected.GroupBy(result => result.Reason ?? "?").OrderByDescending(group => group.Count())
            .Take(ReasonsShown).Select(group => $"{group.Count()}× {group.Key}");
        EventsRejected(logger, caller ?? "?", rejected.Count, results.Count, string.Join("; ", reasons));
    }

    /// <summary>Names the fields at fault, not what was in them.</summary>
    public static void BatchRefused(ILogger logger, string? caller, IDictionary<string, string[]> errors) =>
        Refused(logger, caller ?? "?", errors.Count, string.Join(", ", errors.Keys.Take(ReasonsShown)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest from {Caller}: {Rejected} of {Events} events rejected: {Reasons}")]
    private static partial void EventsRejected(ILogger logger, string caller, int rejected, int events, string reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest from {Caller}: batch refused with {Errors} errors, at {Fields}")]
    private static partial void Refused(ILogger logger, string caller, int errors, string fields);
}
