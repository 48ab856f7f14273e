using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Push;
using Dashboard.Grains.Counting;
using Dashboard.Grains.Ingest;
using Dashboard.Grains.Push;
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

    private CountingCore<HotlineState> counting = null!;

    private HotlineState Working => counting.Working;

    /// <summary>What was last written: the history that reads answer from.</summary>
    private HotlineState Stored => counting.Stored;

    private string Code => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        counting = new CountingCore<HotlineState>(state, copier, clock, new CountingSteps<HotlineState>
        {
            Scope = $"hotline:{Code}",
            Archive = key => GrainFactory.GetGrain<IAcceptedIdsArchiveGrain>(key),
            Deactivate = DeactivateOnIdle,
            Repeat = (callback, interval) => this.RegisterGrainTimer(callback, interval, interval),
            BeforeWrite = now => HandOverFinishedDays(BureauCalendar.LocalDate(now)),
            Written = _ => Publish(),
            ReportUpward = () => GrainFactory.GetGrain<ICountyGrain>(Code).ReportHotline(committed!),
        }, options.Value, logger);
        committed = Totals();
        await counting.Load();
    }

    /// <summary>Switching between demo and real data starts the counters afresh: the two never mix.</summary>
    public async Task Define(string name, bool demo, HotlineCounts openingYear)
    {
        if (Working.Name == name && Working.Demo == demo)
        {
            return;
        }

        counting.ThrowIfFailed();
        if (Working.Name is null || Working.Demo != demo)
        {
            Working.Counts = PeriodCounts<HotlineCounts>.Empty(Today()) with { Year = openingYear };
            Working.InboundPerMinute.Clear();
        }

        Working.Name = name;
        Working.Demo = demo;
        await counting.Durable();
    }

    public async Task<ImmutableArray<EventResult>> Apply(ImmutableArray<HotlineChange> changes)
    {
        counting.ThrowIfFailed();
        if (Working.Name is null)
        {
            return [.. changes.Select(change => EventResult.Rejected(change.EventId, $"区县代码 {Code} 没有未保热线"))];
        }

        return await counting.Apply(changes, Count);
    }

    public Task<HotlineTotals?> GetTotals() => Task.FromResult(committed);

    public Task<HotlineHistory> GetMinutes() => Task.FromResult(LastDay(clock.GetUtcNow()));

    public Task<HotlineHistory> GetHours(int days)
    {
        var today = Today();
        return GetDays(today.AddDays(1 - days), today);
    }

    public async Task<HotlineHistory> GetDays(DateOnly first, DateOnly last)
    {
        var dates = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var minutes = await Task.WhenAll(dates.Select(async day => Stored.InboundPerMinute.ContainsKey(day)
            ? MinutesOf(day)
            : await GrainFactory.GetGrain<IHotlineDayGrain>(HotlineDays.Key(Code, day)).GetInboundPerMinute()));
        return new HotlineHistory(Code, BureauCalendar.StartOf(dates[0]), TimeSpan.FromHours(1), [.. minutes.SelectMany(day => HotlineDays.Hours(day))]);
    }

    /// <summary>Every valid call or case counts; the result is never a refusal.</summary>
    private string? Count(HotlineChange change, DateTimeOffset now)
    {
        var today = BureauCalendar.LocalDate(now);
        var day = BureauCalendar.LocalDate(change.OccurredAt);
        Working.Counts = (Working.Counts ?? PeriodCounts<HotlineCounts>.Empty(today)).Count(day, change.Delta, today);
        if (change.Delta.Inbound > 0 && day >= today.AddDays(-1))
        {
            var minutes = Working.InboundPerMinute.TryGetValue(day, out var known) ? known : Working.InboundPerMinute[day] = new int[HotlineDays.MinutesPerDay];
            minutes[HotlineDays.MinuteOfDay(change.OccurredAt)] += change.Delta.Inbound;
        }

        return null;
    }

    /// <summary>
    /// Days before yesterday go to their own grains. A day is removed from this state only after it was
    /// stored there; storing is absolute, so a hand-over repeated after a failure is harmless.
    /// </summary>
    private async Task HandOverFinishedDays(DateOnly today)
    {
        foreach (var (day, minutes) in Working.InboundPerMinute.Where(entry => entry.Key < today.AddDays(-1)).ToList())
        {
            try
            {
                await GrainFactory.GetGrain<IHotlineDayGrain>(HotlineDays.Key(Code, day)).Store([.. minutes]);
                Working.InboundPerMinute.Remove(day);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Hotline {Code} could not hand over {Day}; keeping it for the next write", Code, day);
            }
        }
    }

    private void Publish()
    {
        committed = Totals();
        notifier.Publish(new DashboardUpdate(UpdateKeys.Hotline(Code), committed!.Version, committed.AsOf, HotlineSnapshot.From(committed, clock.GetUtcNow())));
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
