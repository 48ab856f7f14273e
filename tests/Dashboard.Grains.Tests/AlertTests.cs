using System.Collections.Immutable;
using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Alerts;
using Dashboard.Grains.Hotlines;

namespace Dashboard.Grains.Tests;

/// <summary>
/// The duty officer's alerts on a fake clock: four quiet weeks of history are stored for one county
/// line, then calls arrive minute by minute and the rules run after each minute, as the heartbeat does.
/// </summary>
public sealed class AlertTests : IAsyncLifetime
{
    private const string Line = "452001";

    /// <summary>A Tuesday morning, Beijing time.</summary>
    private static readonly DateTimeOffset TuesdayTen = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly TimeSpan InstitutionSilentAfter = TimeSpan.FromDays(7);

    private TestSilo silo = null!;

    private IAlertBoardGrain Board => silo.Grains.GetGrain<IAlertBoardGrain>(0);

    public async Task InitializeAsync()
    {
        silo = await TestSilo.Start(TuesdayTen);
        await Prepare(silo);
    }

    public Task DisposeAsync() => silo.DisposeAsync();

    [Fact]
    public async Task A_surge_opens_exactly_one_alert_that_fires_after_the_pending_period_and_explains_itself()
    {
        var firstBreach = (DateTimeOffset?)null;
        AlertView? firing = null;
        for (var minute = 0; minute < 20 && firing is null; minute++)
        {
            await Minute(callsInIt: 2);
            var spike = (await Board.GetBoard()).Alerts.SingleOrDefault(alert => alert.Rule == SpikeRule.Name);
            firstBreach ??= spike?.OpenedAt;
            firing = spike is { State: AlertState.Firing } ? spike : null;
        }

        var alerts = (await Board.GetBoard()).Alerts;
        Assert.NotNull(firing);
        Assert.Single(alerts);
        Assert.Equal(new SpikeRuleOptions().PendingFor, firing.FiredAt - firstBreach);
        Assert.Equal(3, firing.Expected);
        Assert.Matches(@"^甲县未保热线来电激增：预期约3次/小时，当前\d+次，\d+(\.\d)?倍", firing.Message);
    }

    [Fact]
    public async Task A_single_call_at_night_never_alerts()
    {
        silo.Clock.Advance(TimeSpan.FromHours(17));
        await Minute(callsInIt: 1);
        for (var minute = 0; minute < 60; minute++)
        {
            await Minute(callsInIt: 0);
        }

        Assert.Empty((await Board.GetBoard()).Alerts);
    }

    [Fact]
    public async Task A_board_that_never_changed_is_as_of_the_moment_it_is_read()
    {
        var board = await Board.GetBoard();

        Assert.Empty(board.Alerts);
        Assert.Equal(silo.Clock.GetUtcNow(), board.AsOf);
    }

    [Fact]
    public async Task Without_acknowledgement_a_firing_alert_escalates_on_time()
    {
        var alert = await Surge();
        var fired = alert.FiredAt!.Value;
        while (silo.Clock.GetUtcNow() < fired + new AlertOptions().EscalateAfter)
        {
            await Minute(callsInIt: 1);
        }

        var escalated = (await Board.Get(alert.Id))!;
        Assert.Equal(2, escalated.Alert.Level);
        Assert.Contains(escalated.Audit, entry => entry.Action == "escalated" && entry.At == fired + new AlertOptions().EscalateAfter);
    }

    [Fact]
    public async Task Escalation_is_on_time_across_a_restart_of_the_host()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-alerts-").FullName;
        AlertView alert;
        await using (var first = await TestSilo.Start(TuesdayTen, folder))
        {
            await Prepare(first);
            alert = await Surge(first);
        }

        var deadline = alert.FiredAt!.Value + new AlertOptions().EscalateAfter;
        await using var second = await TestSilo.Start(deadline, folder);
        var board = second.Grains.GetGrain<IAlertBoardGrain>(0);
        await board.Evaluate();

        var detail = (await board.Get(alert.Id))!;
        Assert.Equal((AlertState.Firing, 2), (detail.Alert.State, detail.Alert.Level));
        Assert.Equal(deadline, detail.Audit.Single(entry => entry.Action == "escalated").At);
    }

    [Fact]
    public async Task Acknowledging_stops_escalation_and_the_audit_log_holds_every_step()
    {
        var alert = await Surge();
        await Board.Acknowledge(alert.Id, "李值班", "已联系县民政局核实");
        for (var minute = 0; minute < 30; minute++)
        {
            await Minute(callsInIt: 1);
        }

        var resolved = await Board.Resolve(alert.Id, "李值班", "来电已回落");
        var detail = (await Board.Get(alert.Id))!;

        Assert.Equal((AlertState.Resolved, 1), (resolved.Alert!.State, resolved.Alert.Level));
        Assert.Equal(["pending", "firing", "acknowledged", "resolved"], detail.Audit.Select(entry => entry.Action));
        Assert.Equal(("李值班", "已联系县民政局核实"), (detail.Audit[2].By, detail.Audit[2].Note));
    }

    [Fact]
    public async Task A_silence_suppresses_alerts_until_it_expires()
    {
        var now = silo.Clock.GetUtcNow();
        await Board.AddSilence(new Silence("", Line, SpikeRule.Name, now, now.AddMinutes(15), "宣传活动日", "王科长"));
        for (var minute = 0; minute < 14; minute++)
        {
            await Minute(callsInIt: 2);
        }

        var during = (await Board.GetBoard()).Alerts;
        await Minute(callsInIt: 2);
        await Minute(callsInIt: 2);

        Assert.Empty(during);
        Assert.Equal(AlertState.Pending, (await Board.GetBoard()).Alerts.Single().State);
        Assert.Contains(await Board.GetAudit(now), entry => entry.Action == "silence-added" && entry.By == "王科长");
    }

    [Fact]
    public async Task When_calls_return_to_normal_the_alert_resolves_itself_after_the_hold_period()
    {
        var alert = await Surge();
        for (var minute = 0; minute < 120; minute++)
        {
            await Minute(callsInIt: 0);
        }

        var detail = (await Board.Get(alert.Id))!;
        Assert.Equal((AlertState.Resolved, AlertLifecycle.System), (detail.Alert.State, detail.Alert.ResolvedBy));
    }

    [Fact]
    public async Task A_silent_hotline_raises_a_no_data_alert_and_data_resolves_it()
    {
        var options = new AlertOptions();
        silo.Clock.Advance(options.HotlineSilentAfter + TimeSpan.FromMinutes(1));
        await Board.Evaluate();
        var silent = (await Board.GetBoard()).Alerts.Single(alert => alert.Rule == NoDataRule.Name && alert.Scope == Line);

        await Minute(callsInIt: 1);

        Assert.Equal(AlertState.Firing, silent.State);
        Assert.Contains("小时无数据", silent.Message);
        Assert.Equal(AlertState.Resolved, (await Board.Get(silent.Id))!.Alert.State);
    }

    [Fact]
    public async Task When_configured_an_institution_silent_too_long_raises_a_no_data_alert_of_its_own()
    {
        await using var quietSilo = await WatchingInstitutions();
        var home = await RegisterHome(quietSilo, $"{Line}-GB-001", "甲县敬老院");
        var board = quietSilo.Grains.GetGrain<IAlertBoardGrain>(0);

        quietSilo.Clock.Advance(InstitutionSilentAfter + TimeSpan.FromMinutes(1));
        await board.Evaluate();
        var silent = (await board.GetBoard()).Alerts.Single();
        await quietSilo.Grains.GetGrain<IInstitutionGrain>(home.Id).Apply(
            [new InstitutionChange("adm-1", InstitutionChangeKind.Admitted, 1, quietSilo.Clock.GetUtcNow(), Fingerprint: 1)]);
        await board.Evaluate();

        Assert.Equal((NoDataRule.Name, home.Id, Line, AlertState.Firing), (silent.Rule, silent.Subject, silent.Scope, silent.State));
        Assert.StartsWith("甲县敬老院已", silent.Message);
        Assert.Equal(AlertState.Resolved, (await board.Get(silent.Id))!.Alert.State);
    }

    [Fact]
    public async Task Deactivating_a_silent_institution_resolves_its_no_data_alert_with_the_reason()
    {
        await using var quietSilo = await WatchingInstitutions();
        var home = await RegisterHome(quietSilo, $"{Line}-GB-002", "甲县乙镇敬老院");
        var board = quietSilo.Grains.GetGrain<IAlertBoardGrain>(0);
        quietSilo.Clock.Advance(InstitutionSilentAfter + TimeSpan.FromMinutes(1));
        await board.Evaluate();
        var silent = (await board.GetBoard()).Alerts.Single();

        await quietSilo.Grains.GetGrain<IInstitutionGrain>(home.Id).Deactivate();
        quietSilo.Clock.Advance(TimeSpan.FromDays(1));
        await board.Evaluate();

        var detail = (await board.Get(silent.Id))!;
        Assert.Equal((AlertState.Resolved, "系统"), (detail.Alert.State, detail.Alert.ResolvedBy));
        Assert.Equal("机构已停用", detail.Audit.Last().Note);
        Assert.Empty((await board.GetBoard()).Alerts.Where(alert => alert.IsOpen));
    }

    [Theory]
    [InlineData(4.0, 11)]
    [InlineData(0.5, 4)]
    [InlineData(400.0, 460)]
    public void The_upper_bound_is_the_poisson_tail_for_small_counts_and_the_normal_one_for_large(double expected, int bound) =>
        Assert.Equal(bound, SpikeRule.UpperBound(expected, new SpikeRuleOptions().Probability));

    /// <summary>A silo whose rules watch institutions for silence (and not the hotlines), the history prepared.</summary>
    private static async Task<TestSilo> WatchingInstitutions()
    {
        var watching = await TestSilo.Start(TuesdayTen, settings: new Dictionary<string, string?>
        {
            ["Dashboard:Alerts:InstitutionSilentAfter"] = InstitutionSilentAfter.ToString(),
            ["Dashboard:Alerts:HotlineSilentAfter"] = "00:00:00",
        });
        await Prepare(watching);
        return watching;
    }

    private static async Task<InstitutionInfo> RegisterHome(TestSilo silo, string id, string name)
    {
        var home = new InstitutionInfo(id, name, InstitutionKind.PublicElderlyCare, Line, Demo: false);
        await silo.Grains.GetGrain<IRegistryGrain>(0).Register([new RegisteredInstitution(home, 30, 10)]);
        return home;
    }

    private Task Minute(int callsInIt) => Minute(silo, callsInIt);

    private Task<AlertView> Surge() => Surge(silo);

    /// <summary>Calls at this minute, then the clock moves one minute and the rules run.</summary>
    private static async Task Minute(TestSilo silo, int callsInIt)
    {
        if (callsInIt > 0)
        {
            var now = silo.Clock.GetUtcNow();
            await silo.Grains.GetGrain<IHotlineGrain>(Line).Apply([.. Enumerable.Range(0, callsInIt)
                .Select(_ => new HotlineChange($"call-{Guid.NewGuid()}", HotlineCounts.Zero with { Answered = 1 }, now, Fingerprint: 1))]);
        }

        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await silo.Grains.GetGrain<IAlertBoardGrain>(0).Evaluate();
    }

    private static async Task<AlertView> Surge(TestSilo silo)
    {
        for (var minute = 0; minute < 30; minute++)
        {
            await Minute(silo, callsInIt: 2);
            if ((await silo.Grains.GetGrain<IAlertBoardGrain>(0).GetBoard()).Alerts.FirstOrDefault(alert => alert.State == AlertState.Firing) is { } firing)
            {
                return firing;
            }
        }

        throw new InvalidOperationException("the surge did not fire");
    }

    private static async Task Prepare(TestSilo silo)
    {
        var registry = silo.Grains.GetGrain<IRegistryGrain>(0);
        await registry.BeginLoad(new Region("452000", "测试市", [new County(Line, "甲县")]), [], demo: false);
        await registry.CompleteLoad();
        await StoreQuietWeeks(silo);
    }

    /// <summary>
    /// Four weeks before today: three calls an hour in office hours, one in the evening, none at night.
    /// The line is defined first, so these days count as its history.
    /// </summary>
    private static async Task StoreQuietWeeks(TestSilo silo)
    {
        await silo.Grains.GetGrain<IHotlineGrain>(Line).Define("甲县未保热线", demo: false, HotlineCounts.Zero);
        var today = BureauCalendar.LocalDate(TuesdayTen);
        var day = Enumerable.Range(0, HotlineDays.MinutesPerDay).Select(minute => (minute / 60, minute % 60) switch
        {
            ( >= 8 and < 20, 5 or 25 or 45) => 1,
            ( >= 20 and < 23, 30) => 1,
            _ => 0,
        }).ToImmutableArray();
        for (var back = 2; back <= 29; back++)
        {
            await silo.Grains.GetGrain<IHotlineDayGrain>(HotlineDays.Key(Line, today.AddDays(-back))).Store(day);
        }
    }
}
