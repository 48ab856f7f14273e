using System.Collections.Immutable;
using Dashboard.Contracts.Ingest;
using Dashboard.Grains.Ingest;
using Dashboard.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Dashboard.Grains.Counting;

/// <summary>
/// What every counting grain (institutions, hotlines) does around its own arithmetic: a working copy
/// of the state that calls change between writes; exactly once per event id; group commit, so that
/// every change made while a write is in flight joins the next write; a new version with each write;
/// and the report to the grain above after each write, retried until it gets through.
/// </summary>
/// <remarks>
/// Each write stores a copy of the working state, because the storage provider serializes off the
/// grain's turn while the next changes are being made. A failed write leaves memory ahead of storage:
/// the activation is dropped, its waiting callers get the failure, and nothing more is changed in it.
/// </remarks>
public sealed class CountingCore<TState>
    where TState : class, ICountedState
{
    private readonly IPersistentState<TState> storage;
    private readonly DeepCopier<TState> copier;
    private readonly TimeProvider clock;
    private readonly CountingSteps<TState> steps;
    private readonly Deduplicator deduplicator;
    private readonly GroupCommit commits;
    private readonly UpwardReport report;

    public CountingCore(IPersistentState<TState> storage, DeepCopier<TState> copier, TimeProvider clock, CountingSteps<TState> steps, IngestOptions options, ILogger logger)
    {
        this.storage = storage;
        this.copier = copier;
        this.clock = clock;
        this.steps = steps;
        Working = storage.State;
        deduplicator = new Deduplicator(Working.Accepted, steps.Scope, block => steps.Archive($"{steps.Scope}/{block}"), options, logger);
        commits = new GroupCommit(Write);
        report = new UpwardReport(steps.ReportUpward, steps.Repeat, steps.Scope, logger);
    }

    /// <summary>The state as calls change it; what the next write will store.</summary>
    public TState Working { get; }

    /// <summary>The state as last written: what reads answer from.</summary>
    public TState Stored => storage.State;

    /// <summary>Reads the archived event ids back; call once, on activation.</summary>
    public Task Load() => deduplicator.Load();

    /// <summary>Throws when an earlier write failed; call before changing <see cref="Working"/> yourself.</summary>
    public void ThrowIfFailed() => commits.ThrowIfFailed();

    /// <summary>Completes when the changes made to <see cref="Working"/> so far are durably written.</summary>
    public Task Durable() => commits.Durable();

    /// <summary>Sends the last written totals upward again (a restarted load that may not have reached the county).</summary>
    public Task ReportAgain() => report.Send();

    /// <summary>
    /// Applies each event at most once, in order, and answers when the accepted ones are durable.
    /// <paramref name="tryCount"/> counts an event into <see cref="Working"/> and returns null, or
    /// returns why it cannot be counted and changes nothing.
    /// </summary>
    public async Task<ImmutableArray<EventResult>> Apply<TChange>(ImmutableArray<TChange> changes, Func<TChange, DateTimeOffset, string?> tryCount)
        where TChange : ICountedEvent
    {
        commits.ThrowIfFailed();
        var now = clock.GetUtcNow();
        var results = changes.Select(change => ApplyOne(change, now, tryCount)).ToImmutableArray();
        if (results.Any(result => result.Status == EventStatus.Accepted))
        {
            await commits.Durable();
        }

        return results;
    }

    private EventResult ApplyOne<TChange>(TChange change, DateTimeOffset now, Func<TChange, DateTimeOffset, string?> tryCount)
        where TChange : ICountedEvent
    {
        if (deduplicator.Refuse(change, now) is { } refused)
        {
            return refused;
        }

        if (tryCount(change, now) is { } reason)
        {
            return EventResult.Rejected(change.EventId, reason);
        }

        deduplicator.Remember(change, now);
        return EventResult.Accepted(change.EventId);
    }

    private async Task Write()
    {
        var now = clock.GetUtcNow();
        await steps.BeforeWrite(now);
        await deduplicator.Tidy(now);
        Working.Version++;
        Working.AsOf = now;
        storage.State = copier.Copy(Working);
        await storage.WriteOrDeactivate(steps.Deactivate);

        steps.Written(storage.State);
        await report.Send();
    }
}
