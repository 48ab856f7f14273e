using System.Collections.Immutable;
using Dashboard.Contracts.Alerts;

namespace Dashboard.Grains.Alerts;

/// <summary>
/// The alert state machine over the board's state, with no grain around it: one open alert per rule and
/// subject, pending → firing → acknowledged → resolved, repeats, escalation, silences, and the audit
/// log of every transition. Each change says whether the board changed, so the grain saves only then.
/// </summary>
public sealed class AlertLifecycle(AlertBoardState board, AlertOptions options)
{
    /// <summary>Who the audit log names for what the rules do by themselves.</summary>
    public const string System = "系统";

    private static readonly TimeSpan RecentlyResolved = TimeSpan.FromDays(1);

    /// <summary>
    /// A breach opens an alert (pending, or firing at once without a pending period), a breach lasting
    /// the pending period fires it, a breach after a normal spell counts as a repeat, and a normal spell
    /// of the hold period resolves it. A pending alert that returns to normal before firing is resolved
    /// quietly. A silenced scope and rule opens nothing.
    /// </summary>
    public bool Track(Observation observation, DateTimeOffset now)
    {
        var verdict = observation.Verdict;
        var index = board.Alerts.FindIndex(alert => alert.IsOpen && alert.Rule == verdict.Rule && alert.Subject == observation.Subject);
        var open = index < 0 ? null : board.Alerts[index];
        if (verdict.Breached)
        {
            if (open is null)
            {
                return !Muted(observation.Scope, verdict.Rule, now) && Open(observation, now);
            }

            var updated = open with { Expected = verdict.Expected, Observed = verdict.Observed, Message = verdict.Message, NormalSince = null };
            if (open.NormalSince is not null)
            {
                updated = updated with { Count = open.Count + 1 };
                Audit(now, open.Id, "repeated", System, verdict.Message);
            }

            if (open.State == AlertState.Pending && now - open.OpenedAt >= observation.PendingFor)
            {
                updated = Fire(updated, now);
            }

            board.Alerts[index] = updated;
            return updated != open;
        }

        if (open is null)
        {
            return false;
        }

        var normalSince = open.NormalSince ?? now;
        if (open.State == AlertState.Pending || now - normalSince >= observation.ResolveAfter)
        {
            var note = open.State == AlertState.Pending ? "未持续到触发即恢复正常" : $"已恢复正常 {(now - normalSince).TotalMinutes:0} 分钟";
            board.Alerts[index] = open with { State = AlertState.Resolved, ResolvedAt = now, ResolvedBy = System, NormalSince = normalSince };
            Audit(now, open.Id, "resolved", System, note);
            return true;
        }

        board.Alerts[index] = open with { NormalSince = normalSince };
        return open.NormalSince is null;
    }

    /// <summary>Resolves the open alerts of a subject that no longer reports by design, with the reason.</summary>
    public bool Retire(Retirement retirement, DateTimeOffset now)
    {
        var retired = false;
        for (var index = 0; index < board.Alerts.Count; index++)
        {
            if (board.Alerts[index] is { IsOpen: true } open && open.Subject == retirement.Subject)
            {
                board.Alerts[index] = open with { State = AlertState.Resolved, ResolvedAt = now, ResolvedBy = System };
                Audit(now, open.Id, "resolved", System, retirement.Reason);
                retired = true;
            }
        }

        return retired;
    }

    /// <summary>
    /// A firing alert nobody acknowledged rises one level per escalation period since it fired. The
    /// deadline is computed from the stored firing time, so it holds across restarts of any host.
    /// </summary>
    public bool Escalate(DateTimeOffset now)
    {
        var changed = false;
        for (var index = 0; index < board.Alerts.Count; index++)
        {
            var alert = board.Alerts[index];
            if (alert is not { State: AlertState.Firing, FiredAt: { } fired } || Muted(alert.Scope, alert.Rule, now))
            {
                continue;
            }

            var level = 1 + (int)((now - fired) / options.EscalateAfter);
            if (level > alert.Level)
            {
                board.Alerts[index] = alert with { Level = level };
                Audit(now, alert.Id, "escalated", System, $"触发后 {(now - fired).TotalMinutes:0} 分钟无人确认，升级为 {level} 级");
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Drops resolved alerts, audit entries and silences older than the keep period.</summary>
    public bool ForgetOld(DateTimeOffset now)
    {
        var horizon = now - options.KeepFor;
        return board.Alerts.RemoveAll(alert => alert.ResolvedAt < horizon)
            + board.Audit.RemoveAll(entry => entry.At < horizon)
            + board.Silences.RemoveAll(silence => silence.Ends < horizon) > 0;
    }

    /// <summary>The outcome, and whether the board changed (acknowledging twice changes nothing).</summary>
    public (AlertActionResult Result, bool Changed) Acknowledge(string id, string by, string? note, DateTimeOffset now) =>
        Act(id, by, note, "acknowledged", now, alert => alert.State == AlertState.Acknowledged
            ? alert
            : alert with { State = AlertState.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = by });

    public (AlertActionResult Result, bool Changed) Resolve(string id, string by, string? note, DateTimeOffset now) =>
        Act(id, by, note, "resolved", now, alert => alert with { State = AlertState.Resolved, ResolvedAt = now, ResolvedBy = by });

    public Silence AddSilence(Silence silence, DateTimeOffset now)
    {
        var added = silence with { Id = $"S{board.NextId++}" };
        board.Silences.Add(added);
        Audit(now, added.Id, "silence-added", added.By,
            $"{added.Reason}（{added.Scope ?? "全部热线"}，{added.Rule ?? "全部规则"}，至 {added.Ends:yyyy-MM-dd HH:mm}）");
        return added;
    }

    /// <summary>Ends a silence that has not ended yet; false when there is none with that id.</summary>
    public bool RemoveSilence(string id, string by, DateTimeOffset now)
    {
        var index = board.Silences.FindIndex(silence => silence.Id == id && silence.Ends > now);
        if (index < 0)
        {
            return false;
        }

        board.Silences[index] = board.Silences[index] with { Ends = now };
        Audit(now, id, "silence-removed", by, null);
        return true;
    }

    /// <summary>
    /// Open alerts and those resolved in the last day, newest first. A board that never changed has no
    /// time of its own (it would say year 1); it is then as of the moment it is read, which is true:
    /// every change goes through the board.
    /// </summary>
    public AlertBoard View(DateTimeOffset now) => new(board.Version, board.Version == 0 ? now : board.AsOf,
        [.. board.Alerts.Where(alert => alert.IsOpen || alert.ResolvedAt >= now - RecentlyResolved).OrderByDescending(alert => alert.OpenedAt)]);

    public AlertDetail? Detail(string id) =>
        board.Alerts.Find(alert => alert.Id == id) is { } alert ? new AlertDetail(alert, [.. board.Audit.Where(entry => entry.Subject == id)]) : null;

    public ImmutableArray<Silence> Silences(DateTimeOffset now) => [.. board.Silences.Where(silence => silence.Ends > now)];

    public ImmutableArray<AuditEntry> AuditSince(DateTimeOffset since) => [.. board.Audit.Where(entry => entry.At >= since)];

    public Handover HandoverSince(DateTimeOffset since, DateTimeOffset now) => new(since, now,
        [.. board.Alerts.Where(alert => alert.OpenedAt >= since)],
        [.. board.Alerts.Where(alert => alert.AcknowledgedAt >= since || alert.ResolvedAt >= since)],
        [.. board.Alerts.Where(alert => alert.IsOpen)]);

    private (AlertActionResult Result, bool Changed) Act(string id, string by, string? note, string action, DateTimeOffset now, Func<AlertView, AlertView> change)
    {
        var index = board.Alerts.FindIndex(alert => alert.Id == id);
        if (index < 0)
        {
            return (new AlertActionResult(AlertActionOutcome.NotFound, null), false);
        }

        var alert = board.Alerts[index];
        if (!alert.IsOpen)
        {
            return (new AlertActionResult(AlertActionOutcome.AlreadyResolved, alert), false);
        }

        var changed = change(alert);
        if (changed == alert)
        {
            return (new AlertActionResult(AlertActionOutcome.Done, alert), false);
        }

        board.Alerts[index] = changed;
        Audit(now, id, action, by, note);
        return (new AlertActionResult(AlertActionOutcome.Done, changed), true);
    }

    private bool Open(Observation observation, DateTimeOffset now)
    {
        var verdict = observation.Verdict;
        var alert = AlertView.Pending($"{board.NextId++}", observation.Scope, observation.ScopeName, verdict.Rule, observation.Subject,
            verdict.Expected, verdict.Observed, verdict.Message, now);
        Audit(now, alert.Id, "pending", System, verdict.Message);
        board.Alerts.Add(observation.PendingFor <= TimeSpan.Zero ? Fire(alert, now) : alert);
        return true;
    }

    private AlertView Fire(AlertView alert, DateTimeOffset now)
    {
        Audit(now, alert.Id, "firing", System, alert.Message);
        return alert with { State = AlertState.Firing, FiredAt = now, Level = 1 };
    }

    private bool Muted(string scope, string rule, DateTimeOffset now) => board.Silences.Any(silence => silence.Mutes(scope, rule, now));

    private void Audit(DateTimeOffset at, string subject, string action, string by, string? note) =>
        board.Audit.Add(new AuditEntry(at, subject, action, by, note));
}
