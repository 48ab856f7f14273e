using System.Collections.Immutable;
using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Push;
using Dashboard.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Alerts;

public sealed class AlertBoardGrain(
    [PersistentState("alert-board", StorageNames.Dashboard)] IPersistentState<AlertBoardState> state,
    IOptions<AlertOptions> options,
    UpdateNotifier notifier,
    TimeProvider clock) : Grain, IAlertBoardGrain
{
    /// <summary>Who the audit log names for what the rules do by themselves.</summary>
    public const string System = "系统";

    private static readonly TimeSpan RecentlyResolved = TimeSpan.FromDays(1);

    /// <summary>Per hotline: the hour the history was read for, and the counts of that hour in past weeks.</summary>
    private readonly Dictionary<string, (DateTimeOffset Hour, int[] Counts)> pastWeeks = new(StringComparer.Ordinal);

    private AlertBoardState Board => state.State;

    private AlertOptions Options => options.Value;

    public async Task Evaluate()
    {
        if (await GrainFactory.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var (scope, scopeName) in region.Counties.Select(county => (county.Code, county.Name)).Prepend((region.CityCode, region.CityName)))
        {
            if (await GrainFactory.GetGrain<IHotlineGrain>(scope).GetTotals() is not { } line)
            {
                continue;
            }

            var rule = Options.SpikeRuleFor(scope);
            var spike = SpikeRule.Judge(rule, line.Name, line.LastHourInbound(now), await SameHourInPastWeeks(scope, rule.Weeks, now));
            changed |= Track(scope, scopeName, scope, spike, rule.PendingFor, rule.ResolveAfter, now);
            if (Options.HotlineSilentAfter > TimeSpan.Zero)
            {
                changed |= Track(scope, scopeName, scope, NoDataRule.Judge(Options.HotlineSilentAfter, line.Name, line.AsOf, now), TimeSpan.Zero, TimeSpan.Zero, now);
            }

            if (Options.InstitutionSilentAfter > TimeSpan.Zero)
            {
                var county = await GrainFactory.GetGrain<ICountyGrain>(scope).GetSnapshot();
                foreach (var institution in county.Institutions)
                {
                    if (!institution.Active)
                    {
                        changed |= Retire(institution.Id, "机构已停用", now);
                        continue;
                    }

                    var silence = NoDataRule.Judge(Options.InstitutionSilentAfter, institution.Name, institution.AsOf, now);
                    changed |= Track(scope, scopeName, institution.Id, silence, TimeSpan.Zero, TimeSpan.Zero, now);
                }
            }
        }

        changed |= Escalate(now);
        changed |= ForgetOld(now);
        if (changed)
        {
            await Save(now);
        }
    }

    public Task<AlertBoard> GetBoard() => Task.FromResult(CurrentBoard(clock.GetUtcNow()));

    public Task<AlertDetail?> Get(string id) => Task.FromResult(
        Board.Alerts.Find(alert => alert.Id == id) is { } alert
            ? new AlertDetail(alert, [.. Board.Audit.Where(entry => entry.Subject == id)])
            : null);

    public Task<AlertActionResult> Acknowledge(string id, string by, string? note) =>
        Act(id, by, note, "acknowledged", (alert, now) => alert.State == AlertState.Acknowledged
            ? alert
            : alert with { State = AlertState.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = by });

    public Task<AlertActionResult> Resolve(string id, string by, string? note) =>
        Act(id, by, note, "resolved", (alert, now) => alert with { State = AlertState.Resolved, ResolvedAt = now, ResolvedBy = by });

    public Task<ImmutableArray<Silence>> GetSilences()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<ImmutableArray<Silence>>([.. Board.Silences.Where(silence => silence.Ends > now)]);
    }

    public async Task<Silence> AddSilence(Silence silence)
    {
        var now = clock.GetUtcNow();
        var added = silence with { Id = $"S{Board.NextId++}" };
        Board.Silences.Add(added);
        Audit(now, added.Id, "silence-added", added.By,
            $"{added.Reason}（{added.Scope ?? "全部热线"}，{added.Rule ?? "全部规则"}，至 {added.Ends:yyyy-MM-dd HH:mm}）");
        await Save(now);
        return added;
    }

    public async Task<bool> RemoveSilence(string id, string by)
    {
        var now = clock.GetUtcNow();
        var index = Board.Silences.FindIndex(silence => silence.Id == id && silence.Ends > now);
        if (index < 0)
        {
            return false;
        }

        Board.Silences[index] = Board.Silences[index] with { Ends = now };
        Audit(now, id, "silence-removed", by, null);
        await Save(now);
        return true;
    }

    public Task<ImmutableArray<AuditEntry>> GetAudit(DateTimeOffset since) =>
        Task.FromResult<ImmutableArray<AuditEntry>>([.. Board.Audit.Where(entry => entry.At >= since)]);

    public Task<Handover> GetHandover(DateTimeOffset since)
    {
        var alerts = Board.Alerts;
        return Task.FromResult(new Handover(since, clock.GetUtcNow(),
            [.. alerts.Where(alert => alert.OpenedAt >= since)],
            [.. alerts.Where(alert => alert.AcknowledgedAt >= since || alert.ResolvedAt >= since)],
            [.. alerts.Where(alert => alert.IsOpen)]));
    }

    /// <summary>
    /// One open alert per rule and subject (a hotline's code, or an institution's id): a breach opens it (pending, or firing at once without a
    /// pending period), a breach lasting the pending period fires it, a breach after a normal spell
    /// counts as a repeat, and a normal rate for the hold period resolves it. A pending alert that
    /// returns to normal before firing is resolved quietly.
    /// </summary>
    private bool Track(string scope, string scopeName, string subject, RuleVerdict verdict, TimeSpan pendingFor, TimeSpan resolveAfter, DateTimeOffset now)
    {
        var index = Board.Alerts.FindIndex(alert => alert.IsOpen && alert.Rule == verdict.Rule && alert.Subject == subject);
        var open = index < 0 ? null : Board.Alerts[index];
        if (verdict.Breached)
        {
            if (open is null)
            {
                return !Muted(scope, verdict.Rule, now) && Open(scope, scopeName, subject, verdict, pendingFor, now);
            }

            var updated = open with { Expected = verdict.Expected, Observed = verdict.Observed, Message = verdict.Message, NormalSince = null };
            if (open.NormalSince is not null)
            {
                updated = updated with { Count = open.Count + 1 };
                Audit(now, open.Id, "repeated", System, verdict.Message);
            }

            if (open.State == AlertState.Pending && now - open.OpenedAt >= pendingFor)
            {
                updated = Fire(updated, now);
            }

            Board.Alerts[index] = updated;
            return updated != open;
        }

        if (open is null)
        {
            return false;
        }

        var normalSince = open.NormalSince ?? now;
        if (open.State == AlertState.Pending || now - normalSince >= resolveAfter)
        {
            var note = open.State == AlertState.Pending ? "未持续到触发即恢复正常" : $"已恢复正常 {(now - normalSince).TotalMinutes:0} 分钟";
            Board.Alerts[index] = open with { State = AlertState.Resolved, ResolvedAt = now, ResolvedBy = System, NormalSince = normalSince };
            Audit(now, open.Id, "resolved", System, note);
            return true;
        }

        Board.Alerts[index] = open with { NormalSince = normalSince };
        return open.NormalSince is null;
    }

    /// <summary>A subject that no longer reports by design (a deactivated institution): its open alerts are resolved with the reason.</summary>
    private bool Retire(string subject, string reason, DateTimeOffset now)
    {
        var retired = false;
        for (var index = 0; index < Board.Alerts.Count; index++)
        {
            if (Board.Alerts[index] is { IsOpen: true } open && open.Subject == subject)
            {
                Board.Alerts[index] = open with { State = AlertState.Resolved, ResolvedAt = now, ResolvedBy = System };
                Audit(now, open.Id, "resolved", System, reason);
                retired = true;
            }
        }

        return retired;
    }

    private bool Open(string scope, string scopeName, string subject, RuleVerdict verdict, TimeSpan pendingFor, DateTimeOffset now)
    {
        var alert = new AlertView($"{Board.NextId++}", AlertState.Pending, 0, scope, scopeName, verdict.Rule, subject,
            verdict.Expected, verdict.Observed, verdict.Message, 1, now, null, null, null, null, null, null);
        Audit(now, alert.Id, "pending", System, verdict.Message);
        Board.Alerts.Add(pendingFor <= TimeSpan.Zero ? Fire(alert, now) : alert);
        return true;
    }

    private AlertView Fire(AlertView alert, DateTimeOffset now)
    {
        Audit(now, alert.Id, "firing", System, alert.Message);
        return alert with { State = AlertState.Firing, FiredAt = now, Level = 1 };
    }

    /// <summary>
    /// A firing alert nobody acknowledged rises one level per escalation period since it fired. The
    /// deadline is computed from the stored firing time, so it holds across restarts of any host.
    /// </summary>
    private bool Escalate(DateTimeOffset now)
    {
        var changed = false;
        for (var index = 0; index < Board.Alerts.Count; index++)
        {
            var alert = Board.Alerts[index];
            if (alert is not { State: AlertState.Firing, FiredAt: { } fired } || Muted(alert.Scope, alert.Rule, now))
            {
                continue;
            }

            var level = 1 + (int)((now - fired) / Options.EscalateAfter);
            if (level > alert.Level)
            {
                Board.Alerts[index] = alert with { Level = level };
                Audit(now, alert.Id, "escalated", System, $"触发后 {(now - fired).TotalMinutes:0} 分钟无人确认，升级为 {level} 级");
                changed = true;
            }
        }

        return changed;
    }

    private bool ForgetOld(DateTimeOffset now)
    {
        var horizon = now - Options.KeepFor;
        return Board.Alerts.RemoveAll(alert => alert.ResolvedAt < horizon)
            + Board.Audit.RemoveAll(entry => entry.At < horizon)
            + Board.Silences.RemoveAll(silence => silence.Ends < horizon) > 0;
    }

    private async Task<AlertActionResult> Act(string id, string by, string? note, string action, Func<AlertView, DateTimeOffset, AlertView> change)
    {
        var index = Board.Alerts.FindIndex(alert => alert.Id == id);
        if (index < 0)
        {
            return new AlertActionResult(AlertActionOutcome.NotFound, null);
        }

        var alert = Board.Alerts[index];
        if (!alert.IsOpen)
        {
            return new AlertActionResult(AlertActionOutcome.AlreadyResolved, alert);
        }

        var now = clock.GetUtcNow();
        var changed = change(alert, now);
        if (changed != alert)
        {
            Board.Alerts[index] = changed;
            Audit(now, id, action, by, note);
            await Save(now);
        }

        return new AlertActionResult(AlertActionOutcome.Done, changed);
    }

    private async Task<int[]> SameHourInPastWeeks(string line, int weeks, DateTimeOffset now)
    {
        var hour = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerHour));
        if (pastWeeks.TryGetValue(line, out var known) && known.Hour == hour && known.Counts.Length == weeks)
        {
            return known.Counts;
        }

        var history = await GrainFactory.GetGrain<IHotlineGrain>(line).GetHours(weeks * 7 + 1);
        var counts = Enumerable.Range(1, weeks)
            .Select(week => (int)((hour.AddDays(-7 * week) - history.From) / history.Slot))
            .Where(slot => slot >= 0 && slot < history.Inbound.Length)
            .Select(slot => history.Inbound[slot])
            .ToArray();
        pastWeeks[line] = (hour, counts);
        return counts;
    }

    private bool Muted(string scope, string rule, DateTimeOffset now) => Board.Silences.Any(silence => silence.Mutes(scope, rule, now));

    private void Audit(DateTimeOffset at, string subject, string action, string by, string? note) =>
        Board.Audit.Add(new AuditEntry(at, subject, action, by, note));

    /// <summary>
    /// A board that never changed has no time of its own (it would say year 1); it is then as of the
    /// moment it is read, which is true: every change goes through this grain.
    /// </summary>
    private AlertBoard CurrentBoard(DateTimeOffset now) => new(Board.Version, Board.Version == 0 ? now : Board.AsOf,
        [.. Board.Alerts.Where(alert => alert.IsOpen || alert.ResolvedAt >= now - RecentlyResolved).OrderByDescending(alert => alert.OpenedAt)]);

    private async Task Save(DateTimeOffset now)
    {
        Board.Version++;
        Board.AsOf = now;
        await state.WriteOrDeactivate(DeactivateOnIdle);
        notifier.Publish(new DashboardUpdate(UpdateKeys.Alerts, Board.Version, now, CurrentBoard(now)));
    }
}
