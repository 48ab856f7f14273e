using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Push;
using Dashboard.Grains.Ingest;
using Dashboard.Grains.Push;
using Dashboard.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Dashboard.Grains.Hotlines;

public sealed class HotlineGrain(
    [PersistentState("hotline", StorageNames.Dashboard)] IPersistentState<HotlineState> state,
    IOptions<IngestOptions> options,
    UpdateNotifier notifier,
    DeepCopier<HotlineState> copier,
    TimeProvider clock,
    ILogger<HotlineGrain> logger) : Grain, IHotlineGrain
{
    private HotlineTotals? committed;

    private Deduplicator deduplicator = null!;

    private GroupCommit commits = null!;

    /// <summary>The working state; each write stores a copy (see <see cref="Write"/>).</summary>
    private HotlineState State { get; set; } = null!;

    /// <summary>What was last written: the history that reads answer from.</summary>
    private HotlineState Stored => state.State;

    private string Code => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        State = state.State;
        committed = Totals();
        deduplicator = new Deduplicator(State.Accepted, $"hotline:{Code}", GrainFactory, options.Value, logger);
        commits = new GroupCommit(Write);
        await deduplicator.Load();
    }

    /// <summary>Switching between demo and real data starts the counters afresh: the two never mix.</summary>
    public async Task Define(string name, bool demo, HotlineCounts openingYear)
    {
        if (State.Name == name && State.Demo == demo)
        {
            return;
        }

        commits.ThrowIfFailed();
        if (State.Name is null || State.Demo != demo)
        {
            State.Counts = PeriodCounts<HotlineCounts>.Empty(Today()) with { Year = openingYear };
            State.InboundPerMinute.Clear();
        }

        State.Name = name;
        State.Demo = demo;
        await commits.Durable();
    }

    public async Task<ImmutableArray<EventResult>> Apply(ImmutableArray<HotlineChange> changes)
    {
        commits.ThrowIfFailed();
        if (State.Name is null)
        {
            return [.. changes.Select(change => EventResult.Rejected(change.EventId, $"区县代码 {Code} 没有未保热线"))];
        }

        var now = clock.GetUtcNow();
        var results = changes.Select(change => ApplyOne(change, now)).ToImmutableArray();
        if (results.Any(result => result.Status == EventStatus.Accepted))
        {
            await commits.Durable();
        }

        return results;
    }

    public Task<HotlineTotals?> GetTotals() => Task.FromResult(committed);

    public Task<HotlineHistory> GetMinutes() => Task.FromResult(LastDay(clock.GetUtcNow()));

    public async Task<HotlineHistory> GetHours(int days)
    {
        var today = Today();
        var dates = Enumerable.Range(0, days).Select(offset => today.AddDays(offset - days + 1)).ToList();
        var minutes = await Task.WhenAll(dates.Select(async day => Stored.InboundPerMinute.ContainsKey(day)
            ? MinutesOf(day)
            : await GrainFactory.GetGrain<IHotlineDayGrain>(HotlineDays.Key(Code, day)).GetInboundPerMinute()));
        return new HotlineHistory(Code, BureauCalendar.StartOf(dates[0]), TimeSpan.FromHours(1), [.. minutes.SelectMany(day => HotlineDays.Hours(day))]);
    }

    private EventResult ApplyOne(HotlineChange change, DateTimeOffset now)
    {
        if (deduplicator.Refuse(change.EventId, change.Fingerprint, change.OccurredAt, now) is { } refused)
        {
            return refused;
        }

        var today = BureauCalendar.LocalDate(now);
        var day = BureauCalendar.LocalDate(change.OccurredAt);
        State.Counts = (State.Counts ?? PeriodCounts<HotlineCounts>.Empty(today)).Count(day, change.Delta, today);
        if (change.Delta.Inbound > 0 && day >= today.AddDays(-1))
        {
            var minutes = State.InboundPerMinute.TryGetValue(day, out var known) ? known : State.InboundPerMinute[day] = new int[HotlineDays.MinutesPerDay];
            minutes[HotlineDays.MinuteOfDay(change.OccurredAt)] += change.Delta.Inbound;
        }

        deduplicator.Remember(change.EventId, change.Fingerprint, change.OccurredAt, now);
        return EventResult.Accepted(change.EventId);
    }

    /// <summary>
    /// Days before yesterday go to their own grains. A day is removed from this state only after it was
    /// stored there; storing is absolute, so a hand-over repeated after a failure is harmless.
    /// </summary>
    private async Task HandOverFinishedDays(DateOnly today)
    {
        foreach (var (day, minutes) in State.InboundPerMinute.Where(entry => entry.Key < today.AddDays(-1)).ToList())
        {
            try
            {
                await GrainFactory.GetGrain<IHotlineDayGrain>(HotlineDays.Key(Code, day)).Store([.. minutes]);
                State.InboundPerMinute.Remove(day);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Hotline {Code} could not hand over {Day}; keeping it for the next write", Code, day);
            }
        }
    }

    /// <summary>
    /// Writes a copy of the state with a new version (the storage provider serializes off the grain's
    /// turn while the next calls change the working state), then publishes and tells the county.
    /// </summary>
    private async Task Write()
    {
        var now = clock.GetUtcNow();
        await HandOverFinishedDays(BureauCalendar.LocalDate(now));
        await deduplicator.Tidy(now);
        State.Version++;
        State.AsOf = now;
        state.State = copier.Copy(State);
        await state.WriteOrDeactivate(DeactivateOnIdle);

        committed = Totals();
        notifier.Publish(new DashboardUpdate(UpdateKeys.Hotline(Code), committed!.Version, committed.AsOf, HotlineSnapshot.From(committed, clock.GetUtcNow())));
        try
        {
            await GrainFactory.GetGrain<ICountyGrain>(Code).ReportHotline(committed);
        }
        catch (Exception exception)
        {
            // The calls are stored; the county reads this line again when it next activates or hears from it.
            logger.LogWarning(exception, "Report of hotline {Code} to its county failed", Code);
        }
    }

    private HotlineTotals? Totals()
    {
        if (Stored.Name is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var recent = LastDay(now).Inbound[^HotlineTotals.RecentMinutes..];
        var newestMinute = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMinute));
        return new HotlineTotals(Code, Stored.Name, Stored.Version, Stored.AsOf, Stored.Demo,
            Stored.Counts ?? PeriodCounts<HotlineCounts>.Empty(BureauCalendar.LocalDate(now)), newestMinute, [.. recent]);
    }

    /// <summary>Inbound calls per minute for the 24 hours that end with the minute of <paramref name="now"/>.</summary>
    private HotlineHistory LastDay(DateTimeOffset now)
    {
        var today = BureauCalendar.LocalDate(now);
        var twoDays = MinutesOf(today.AddDays(-1)).Concat(MinutesOf(today));
        var skip = HotlineDays.MinuteOfDay(now) + 1;
        var from = BureauCalendar.StartOf(today.AddDays(-1)).AddMinutes(skip);
        return new HotlineHistory(Code, from, TimeSpan.FromMinutes(1), [.. twoDays.Skip(skip).Take(HotlineDays.MinutesPerDay)]);
    }

    private IReadOnlyList<int> MinutesOf(DateOnly day) =>
        Stored.InboundPerMinute.TryGetValue(day, out var minutes) ? minutes : HotlineDays.EmptyDay;

    private DateOnly Today() => BureauCalendar.LocalDate(clock.GetUtcNow());
}
