using Dashboard.Contracts.Ingest;

namespace Dashboard.Grains.Institutions;

/// <summary>
/// The checks every counting grain makes before it applies an event: a known id is a duplicate (or
/// a conflicting reuse), and an event outside the dedupe window or too far ahead is refused.
/// </summary>
public static class EventScreen
{
    /// <summary>The result for an event that must not be applied, or null when it may be.</summary>
    public static EventResult? Refuse(IReadOnlyDictionary<string, ProcessedEvent> processed, string id, ulong fingerprint,
        DateTimeOffset occurredAt, DateTimeOffset now, IngestOptions options)
    {
        if (processed.TryGetValue(id, out var known))
        {
            return known.Fingerprint == fingerprint
                ? EventResult.Duplicate(id)
                : EventResult.Rejected(id, "事件编号已被另一内容不同的事件使用");
        }

        if (occurredAt < now - options.DedupeWindow)
        {
            return EventResult.Rejected(id, $"事件发生时间早于 {options.DedupeWindow.TotalDays:0.#} 天去重窗口，无法保证不重复计数");
        }

        return occurredAt > now + options.AllowedClockSkew
            ? EventResult.Rejected(id, "事件发生时间晚于当前时间，超出允许的时钟偏差")
            : null;
    }

    /// <summary>Ids accepted before the window are dropped: events that old are refused anyway.</summary>
    public static void ForgetBefore(Dictionary<string, ProcessedEvent> processed, DateTimeOffset horizon)
    {
        foreach (var (id, known) in processed)
        {
            if (known.AcceptedAt < horizon)
            {
                processed.Remove(id);
            }
        }
    }
}
