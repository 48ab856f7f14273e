using Dashboard.Contracts.Alerts;
using Dashboard.Grains.Alerts;

namespace Dashboard.Grains.Tests;

/// <summary>The alert state machine on its own: verdicts and actions in, the board and its audit log out, no silo.</summary>
public sealed class AlertLifecycleTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Observation Surge = new("441802", "清城区", "441802",
        new RuleVerdict(SpikeRule.Name, Breached: true, Expected: 3, Observed: 12, "清城区未保热线来电激增"),
        PendingFor: TimeSpan.FromMinutes(5), ResolveAfter: TimeSpan.FromMinutes(15));

    private static readonly Observation Calm = Surge with { Verdict = Surge.Verdict with { Breached = false, Observed = 2 } };

    private readonly AlertBoardState board = new();

    private readonly AlertLifecycle lifecycle;

    public AlertLifecycleTests() => lifecycle = new AlertLifecycle(board, new AlertOptions { EscalateAfter = TimeSpan.FromMinutes(10) });

    private AlertView Alert => Assert.Single(board.Alerts);

    [Fact]
    public void A_surge_waits_out_the_pending_period_fires_escalates_while_nobody_acknowledges_and_resolves_after_a_calm_spell()
    {
        lifecycle.Track(Surge, Ten);
        lifecycle.Track(Surge, Ten.AddMinutes(4));
        Assert.Equal(AlertState.Pending, Alert.State);
        lifecycle.Track(Surge, Ten.AddMinutes(5));
        Assert.Equal((AlertState.Firing, 1), (Alert.State, Alert.Level));

        Assert.True(lifecycle.Escalate(Ten.AddMinutes(15)));
        Assert.False(lifecycle.Escalate(Ten.AddMinutes(16)));
        Assert.True(lifecycle.Track(Calm, Ten.AddMinutes(20)));
        Assert.False(lifecycle.Track(Calm, Ten.AddMinutes(34)));
        Assert.Equal((AlertState.Firing, 2), (Alert.State, Alert.Level));
        Assert.True(lifecycle.Track(Calm, Ten.AddMinutes(35)));

        Assert.Equal((AlertState.Resolved, AlertLifecycle.System), (Alert.State, Alert.ResolvedBy));
        Assert.Equal(["pending", "firing", "escalated", "resolved"], board.Audit.Select(entry => entry.Action));
    }

    [Fact]
    public void A_pending_alert_that_calms_down_ends_quietly_and_a_silenced_line_opens_nothing()
    {
        lifecycle.Track(Surge, Ten);
        lifecycle.Track(Calm, Ten.AddMinutes(1));
        var silence = lifecycle.AddSilence(new Silence("", "441802", null, Ten, Ten.AddHours(8), "宣传日", "王科长"), Ten.AddMinutes(2));

        Assert.False(lifecycle.Track(Surge, Ten.AddMinutes(3)));
        Assert.Equal(AlertState.Resolved, Alert.State);
        Assert.DoesNotContain(board.Audit, entry => entry.Action == "firing");
        Assert.True(lifecycle.RemoveSilence(silence.Id, "王科长", Ten.AddMinutes(4)));
        Assert.True(lifecycle.Track(Surge, Ten.AddMinutes(5)));
        Assert.Equal(2, board.Alerts.Count);
    }

    [Fact]
    public void An_acknowledged_alert_stops_escalating_counts_a_repeat_and_acting_again_changes_nothing()
    {
        var atOnce = Surge with { PendingFor = TimeSpan.Zero };
        lifecycle.Track(atOnce, Ten);

        var acknowledged = lifecycle.Acknowledge(Alert.Id, "王值班 (wang)", "已联系", Ten.AddMinutes(1));
        var twice = lifecycle.Acknowledge(Alert.Id, "李值班 (li)", null, Ten.AddMinutes(2));
        Assert.False(lifecycle.Escalate(Ten.AddMinutes(30)));
        lifecycle.Track(Calm with { PendingFor = TimeSpan.Zero }, Ten.AddMinutes(31));
        lifecycle.Track(atOnce, Ten.AddMinutes(32));
        var resolved = lifecycle.Resolve(Alert.Id, "王值班 (wang)", "已处置", Ten.AddMinutes(40));
        var late = lifecycle.Acknowledge(Alert.Id, "李值班 (li)", null, Ten.AddMinutes(41));

        Assert.Equal((AlertActionOutcome.Done, true), (acknowledged.Result.Outcome, acknowledged.Changed));
        Assert.Equal((AlertActionOutcome.Done, false), (twice.Result.Outcome, twice.Changed));
        Assert.Equal((AlertActionOutcome.Done, true), (resolved.Result.Outcome, resolved.Changed));
        Assert.Equal((AlertActionOutcome.AlreadyResolved, false), (late.Result.Outcome, late.Changed));
        Assert.Equal((1, 2, "王值班 (wang)"), (Alert.Level, Alert.Count, Alert.AcknowledgedBy));
        Assert.Equal(["pending", "firing", "acknowledged", "repeated", "resolved"], board.Audit.Select(entry => entry.Action));
    }
}
