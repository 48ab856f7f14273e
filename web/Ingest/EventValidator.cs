using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Text;
using Dashboard.Grains.Registry;
using Dashboard.Web.Registry;

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

        var failed = false;
        void Fail(string message)
        {
            error(message);
            failed = true;
        }

        if (SafeText.CheckText(item.Id, "id", MaxIdLength, required: true) is { } idProblem)
        {
            Fail(idProblem);
        }

        var at = ParseTime(item.OccurredAt, Fail);
        var plan = item.Type switch
        {
            EventTypes.InstitutionCapacity => Institution(item, "institutionId", item.InstitutionId, InstitutionChangeKind.Capacity, Require(item.Beds, "beds", 0, MaxBeds, Fail), at, Fail),
            EventTypes.InstitutionAdmitted => Institution(item, "institutionId", item.InstitutionId, InstitutionChangeKind.Admitted, Require(item.Count ?? 1, "count", 1, MaxCount, Fail), at, Fail),
            EventTypes.InstitutionDischarged => Institution(item, "institutionId", item.InstitutionId, InstitutionChangeKind.Discharged, Require(item.Count ?? 1, "count", 1, MaxCount, Fail), at, Fail),
            EventTypes.InstitutionCensus => Institution(item, "institutionId", item.InstitutionId, InstitutionChangeKind.Census, Require(item.Occupants, "occupants", 0, MaxBeds, Fail), at, Fail),
            EventTypes.RescueReceived => Institution(item, "stationId", item.StationId, InstitutionChangeKind.RescueReceived, item.Minor == true ? InstitutionChange.Minor : InstitutionChange.Adult, at, Fail),
            EventTypes.RescueReunited => Institution(item, "stationId", item.StationId, InstitutionChangeKind.RescueReunited, 0, at, Fail),
            EventTypes.RescueSettled => Institution(item, "stationId", item.StationId, InstitutionChangeKind.RescueSettled, 0, at, Fail),
            EventTypes.HotlineCall => Hotline(item, CallCounts(item, Fail), at, Fail),
            EventTypes.HotlineCase => Hotline(item, CaseCounts(item, Fail), at, Fail),
            _ => Unknown(item.Type, Fail),
        };
        return failed ? null : plan;
    }

    private static PlannedEvent? Institution(IngestEvent item, string field, string? target, InstitutionChangeKind kind, int value, DateTimeOffset at, Action<string> fail)
    {
        if (string.IsNullOrWhiteSpace(target) || RegistryEntry.IdProblem(target) is not null)
        {
            fail($"{field} 必填，只能由英文字母、数字、“-”和“_”组成，最多 {RegistryCsv.MaxIdLength} 个字符");
            return null;
        }

        var fingerprint = EventFingerprint.Of(item.Type!, target, value.ToString(CultureInfo.InvariantCulture), at);
        return PlannedEvent.ForInstitution(target, new InstitutionChange(item.Id ?? string.Empty, kind, value, at, fingerprint));
    }

    private static PlannedEvent? Hotline(IngestEvent item, HotlineCounts? delta, DateTimeOffset at, Action<string> fail)
    {
        if (item.CountyCode is null || !CountyCode().IsMatch(item.CountyCode))
        {
            fail("countyCode 必须是 6 位行政区划代码，例如 441802");
            return null;
        }

        if (delta is null)
        {
            return null;
        }

        var fingerprint = EventFingerprint.Of(item.Type!, item.CountyCode, delta.ToString(), at);
        return PlannedEvent.ForHotline(item.CountyCode, new HotlineChange(item.Id ?? string.Empty, delta, at, fingerprint));
    }

    private static HotlineCounts? CallCounts(IngestEvent item, Action<string> fail)
    {
        switch (item.Direction)
        {
            case "outbound":
                return HotlineCounts.Zero with { Outbound = 1 };
            case "inbound" when item.Answered is { } answered:
                return answered ? HotlineCounts.Zero with { Answered = 1 } : HotlineCounts.Zero with { Missed = 1 };
            case "inbound":
                fail("呼入电话必须给出 answered（true 为接听，false 为未接）");
                return null;
            default:
                fail("direction 必须是 inbound 或 outbound");
                return null;
        }
    }

    private static HotlineCounts? CaseCounts(IngestEvent item, Action<string> fail)
    {
        switch (item.Kind)
        {
            case "consultation":
                return HotlineCounts.Zero with { Consultations = 1 };
            case "intervention":
                return HotlineCounts.Zero with { Interventions = 1 };
            default:
                fail("kind 必须是 consultation（解决咨询）或 intervention（介入求助）");
                return null;
        }
    }

    private static PlannedEvent? Unknown(string? type, Action<string> fail)
    {
        fail($"未知的事件类型 type = '{type}'");
        return null;
    }

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
        if (BureauCalendar.ParseInstant(text) is { } time)
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
            if (!first.TryAdd(plan.Id, plan) && (first[plan.Id].Target != plan.Target || first[plan.Id].Fingerprint != plan.Fingerprint))
            {
                return PlannedEvent.Rejected(plan.Id, "事件编号在同一批次中被内容不同的事件重复使用");
            }

            return plan;
        }).ToList();
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex CountyCode();
}
