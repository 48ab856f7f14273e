using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Ingest;
using Dashboard.Grains.Counting;
using Dashboard.Grains.Hotlines;
using Dashboard.Grains.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;

namespace Dashboard.Grains.Tests;

/// <summary>The counting core on its own, without a silo: storage and archive in memory, writes released by the test.</summary>
public sealed class CountingCoreTests
{
    private static readonly DeepCopier<HotlineState> Copier =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<DeepCopier<HotlineState>>();

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero));
    private readonly MemoryStorage<HotlineState> storage = new(new HotlineState { Name = "测试热线" });
    private readonly Dictionary<string, ImmutableArray<AcceptedId>> archived = [];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<RecordedTimer> retries = [];
    private int reports;
    private int deactivations;
    private bool reportFails;
    private CountingCore<HotlineState>? current;

    [Fact]
    public async Task Changes_made_while_a_write_is_in_flight_join_the_next_write_and_each_caller_waits_for_its_own()
    {
        var core = await Load();
        storage.HoldWrites();

        var first = core.Apply([Call("a")], Count);
        var second = core.Apply([Call("b")], Count);
        var third = core.Apply([Call("c"), Call("d")], Count);
        storage.Release();
        await first.WaitAsync(Patience);

        Assert.False(second.IsCompleted || third.IsCompleted);
        Assert.Equal((1L, 1), (storage.Saved.Version, storage.Saved.Counts!.Year.Answered));
        storage.Release();
        await Task.WhenAll(second, third).WaitAsync(Patience);
        Assert.Equal(2, storage.Writes);
        Assert.Equal((2L, 4), (storage.Saved.Version, storage.Saved.Counts!.Year.Answered));
        Assert.Equal(2, reports);
    }

    [Fact]
    public async Task A_failed_write_fails_every_caller_of_its_group_drops_the_activation_and_refuses_further_changes()
    {
        var core = await Load();
        storage.HoldWrites();
        var first = core.Apply([Call("a")], Count);
        var second = core.Apply([Call("b")], Count);
        var third = core.Apply([Call("c")], Count);
        storage.Release();
        await first.WaitAsync(Patience);

        storage.FailNextWrite();
        storage.Release();

        // An Orleans exception that names the storage's error, so it crosses to a web node (which answers 503).
        Assert.Contains("storage unavailable", (await Assert.ThrowsAsync<OrleansException>(() => second)).Message, StringComparison.Ordinal);
        Assert.Contains("storage unavailable", (await Assert.ThrowsAsync<OrleansException>(() => third)).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<OrleansException>(() => core.Apply([Call("e")], Count));
        Assert.Equal(1, deactivations);
        Assert.Equal((1L, 1), (storage.Saved.Version, storage.Saved.Counts!.Year.Answered));
    }

    [Fact]
    public async Task An_event_is_counted_once_across_a_block_hand_over_and_a_reload()
    {
        var core = await Load();
        var ids = Enumerable.Range(0, Deduplicator.BlockSize + 2).Select(index => $"call-{index}").ToList();
        foreach (var id in ids)
        {
            await core.Apply([Call(id)], Count);
        }

        // The first block was sealed into its archive at a write; the newest ids are still in the state.
        Assert.Single(archived);
        var reloaded = await Load();
        var retried = await reloaded.Apply([Call(ids[0]), Call(ids[^1]), Call("new")], Count);

        Assert.Equal([EventStatus.Duplicate, EventStatus.Duplicate, EventStatus.Accepted], retried.Select(result => result.Status));
        Assert.Equal(ids.Count + 1, storage.Saved.Counts!.Year.Answered);
    }

    [Fact]
    public async Task A_refused_event_counts_nothing_and_a_failed_report_upward_is_retried_until_it_gets_through()
    {
        var core = await Load();
        reportFails = true;

        var results = await core.Apply([Call("a"), Call("refused")], (change, now) => change.EventId == "refused" ? "不计数" : Count(change, now));
        var retry = Assert.Single(retries);
        await retry.Fire();
        reportFails = false;
        await retry.Fire();

        Assert.Equal([EventStatus.Accepted, EventStatus.Rejected], results.Select(result => result.Status));
        Assert.Equal("不计数", results[1].Reason);
        Assert.Equal(1, storage.Saved.Counts!.Year.Answered);
        Assert.Equal(1, reports);
        Assert.True(retry.Stopped);
        Assert.Single(retries);
    }

    private async Task<CountingCore<HotlineState>> Load()
    {
        storage.Reload(Copier);
        var core = new CountingCore<HotlineState>(storage, Copier, clock, new CountingSteps<HotlineState>
        {
            Scope = "hotline:test",
            Archive = key => new MemoryArchive(archived, key),
            Deactivate = () => deactivations++,
            Repeat = (callback, _) =>
            {
                retries.Add(new RecordedTimer(callback));
                return retries[^1];
            },
            ReportUpward = () => reportFails ? throw new TimeoutException("county unreachable") : Task.FromResult(reports++),
        }, new IngestOptions(), NullLogger.Instance);
        await core.Load();
        current = core;
        return core;
    }

    private HotlineChange Call(string id) =>
        new(id, HotlineCounts.Zero with { Answered = 1 }, clock.GetUtcNow(), (ulong)id.GetHashCode(StringComparison.Ordinal));

    /// <summary>What the hotline grain does with a call, kept minimal: the year's answered calls.</summary>
    private string? Count(HotlineChange change, DateTimeOffset now)
    {
        var today = BureauCalendar.LocalDate(now);
        current!.Working.Counts = (current.Working.Counts ?? PeriodCounts<HotlineCounts>.Empty(today)).Count(today, change.Delta, today);
        return null;
    }
}
