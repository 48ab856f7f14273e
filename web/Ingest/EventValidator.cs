using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Contracts.Institutions;

namespace Dashboard.Web.Ingest;

/// <summary>
/// Checks a whole batch before anything is applied: a single malformed event fails the request,
/// so a batch is never partly applied because of bad input.
/// </summary>
public static partial class EventValidator
{
    public const int MaxBatchSize = 1000;
    private const int MaxIdLength = 128;
    private const int MaxCount = 10_000;
    private const int MaxBeds = 100_000;

    public static IReadOnlyList<PlannedEvent> Validate(IngestRequest? request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (request?.Events is not { Count: > 0 } events)
        {
            errors["events"] = ["请求必须包含非空的 events 数组"];
            return [];
        }

        if (events.Count > MaxBatchSize)
        {
            errors["events"] = [$"一个批次最多 {MaxBatchSize} 个事件，收到 {events.Count} 个"];
            return [];
        }

        var planned = new List<PlannedEvent>(events.Count);
        var problems = new List<KeyValuePair<string, string>>();
        for (var index = 0; index < events.Count; index++)
        {
            var field = $"events[{index}]";
            if (Plan(events[index], message => problems.Add(new(field, message))) is { } plan)
            {
                planned.Add(plan);
            }
        }

        errors = problems.GroupBy(problem => problem.Key).ToDictionary(group => group.Key, group => group.Select(problem => problem.Value).ToArray());
        return errors.Count == 0 ? RejectConflictingIds(planned) : [];
    }

    private static PlannedEvent? Plan(IngestEvent? item, Action<string> error)
    {
        if (item is null)
        {
            error("事件不能为 null");
            return null;
        }

        var valid = true;
        void Fail(string message)
        {
            error(message);
            valid = false;
        }

        if (string.IsNullOrWhiteSpace(item.Id) || item.Id.Length > MaxIdLength)
        {
            Fail($"id 必填，最长 {MaxIdLength} 个字符");
        }

        var occurredAt = ParseTime(item.OccurredAt, Fail);
        if (item.Type is null || !(IsInstitutionType(item.Type) || EventTypes.NotYetCounted.Contains(item.Type)))
        {
            Fail($"未知的事件类型 type = '{item.Type}'");
            return null;
        }

        if (EventTypes.NotYetCounted.Contains(item.Type))
        {
            return valid ? PlannedEvent.Rejected(item.Id!, $"本版本尚未统计 {item.Type} 事件") : null;
        }

        if (string.IsNullOrWhiteSpace(item.InstitutionId))
        {
            Fail("institutionId 必填");
        }

        var (kind, value) = item.Type switch
        {
            EventTypes.InstitutionCapacity => (InstitutionChangeKind.Capacity, Require(item.Beds, "beds", 0, MaxBeds, Fail)),
            EventTypes.InstitutionAdmitted => (InstitutionChangeKind.Admitted, Require(item.Count ?? 1, "count", 1, MaxCount, Fail)),
            EventTypes.InstitutionDischarged => (InstitutionChangeKind.Discharged, Require(item.Count ?? 1, "count", 1, MaxCount, Fail)),
            _ => (InstitutionChangeKind.Census, Require(item.Occupants, "occupants", 0, MaxBeds, Fail)),
        };

        return valid
            ? PlannedEvent.ForInstitution(item.InstitutionId!, EventFingerprint.Change(item.Id!, item.Type, item.InstitutionId!, kind, value, occurredAt))
            : null;
    }

    private static bool IsInstitutionType(string type) => type is
        EventTypes.InstitutionCapacity or EventTypes.InstitutionAdmitted or EventTypes.InstitutionDischarged or EventTypes.InstitutionCensus;

    private static int Require(int? value, string name, int min, int max, Action<string> fail)
    {
        if (value is null || value < min || value > max)
        {
            fail($"{name} 必须是 {min} 到 {max} 之间的整数");
            return 0;
        }

        return value.Value;
    }

    private static DateTimeOffset ParseTime(string? text, Action<string> fail)
    {
        if (text is not null && ExplicitOffset().IsMatch(text) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        fail("occurredAt 必须是带时区偏移的 ISO 8601 时间，例如 2021-12-31T08:00:00+08:00");
        return default;
    }

    /// <summary>An id used twice in one batch must mean the same event; later conflicting uses are rejected.</summary>
    private static List<PlannedEvent> RejectConflictingIds(List<PlannedEvent> planned)
    {
        var first = new Dictionary<string, PlannedEvent>(StringComparer.Ordinal);
        return planned.Select(plan =>
        {
            if (!first.TryAdd(plan.Id, plan) && (first[plan.Id].InstitutionId != plan.InstitutionId || first[plan.Id].Change?.Fingerprint != plan.Change?.Fingerprint))
            {
                return PlannedEvent.Rejected(plan.Id, "事件编号在同一批次中被内容不同的事件重复使用");
            }

            return plan;
        }).ToList();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
