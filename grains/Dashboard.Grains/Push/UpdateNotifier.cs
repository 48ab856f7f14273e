using System.Collections.Immutable;
using Dashboard.Contracts.Push;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Push;

/// <summary>
/// One per silo. Grains publish every change; only the newest version per key is kept until the next
/// flush, so the cost of fan-out follows the flush rate and the number of keys, not the event rate.
/// Flushes are on the leading and the trailing edge: the first change after a quiet interval goes
/// out almost at once (as soon as the changes that came with it pause), and changes that follow
/// within the interval go together at its end, so a quiet wall shows a change as soon as it is
/// durable and a busy key goes out once per interval (web nodes send less often still when their
/// connections are many).
/// </summary>
public sealed class UpdateNotifier(
    IGrainFactory grains,
    IOptions<PushOptions> options,
    TimeProvider clock,
    ILogger<UpdateNotifier> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly NewestByKey<PendingUpdate> pending = new(update => update.Version);

    private readonly CancellationTokenSource stopping = new();

    /// <summary>
    /// The leading edge waits for a lull this long in the changes, at most <see cref="Gather"/>: one
    /// ingest batch changes many institutions, whose roll-ups reach the county and the city over a few
    /// milliseconds, and a wall should see the batch whole rather than its first event alone. Traced at
    /// 10 events a second, a batch's reports to the city spread over 4.8 ms (median) with gaps of at
    /// most 0.9 ms (median; 2.5 ms at p90): waiting for a lull flushes a few milliseconds after the
    /// last of them, where a fixed gather waited its full length from the first. A batch whose reports
    /// pause longer goes out in two parts, the rest at the end of the interval.
    /// </summary>
    private static readonly TimeSpan Lull = TimeSpan.FromMilliseconds(2);

    /// <summary>The longest the leading edge waits for a lull (or the interval, if shorter).</summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(10);

    private ImmutableArray<IDashboardObserver> observers = [];

    private DateTimeOffset observersReadAt = DateTimeOffset.MinValue;

    private Task loop = Task.CompletedTask;

    public void Publish(DashboardUpdate update) => Publish(update.Key, update.Version, () => update);

    /// <summary>
    /// For an update that is costly to build (the city of a national registry): only the newest is
    /// built, once per flush, off the grain's turn, so <paramref name="build"/> must read immutable data only.
    /// </summary>
    public void Publish(string key, long version, Func<DashboardUpdate> build)
    {
        pending.Offer(key, new PendingUpdate(version, build));
    }

    public void Dispose()
    {
        stopping.Dispose();
        pending.Dispose();
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(UpdateNotifier), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        loop = Task.Run(Run, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// On a graceful stop the changes of the last interval still go out, so walls do not show figures
    /// older than what was acknowledged until the next change.
    /// </summary>
    private async Task Stop(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Flush().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task Run()
    {
        var interval = options.Value.FlushInterval;
        var gather = Gather < interval ? Gather : interval;
        long? lastFlush = null;
        try
        {
            while (true)
            {
                await pending.WaitAsync(stopping.Token);
                await pending.Lull(Lull, gather, clock, stopping.Token);
                var wait = lastFlush is { } flushed ? interval - clock.GetElapsedTime(flushed) : TimeSpan.Zero;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stopping.Token);
                }

                lastFlush = clock.GetTimestamp();
                await Flush();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogDebug("Update notifier stopped");
        }
    }

    private async Task Flush()
    {
        var taken = pending.Take();
        if (taken.IsEmpty)
        {
            return;
        }

        await RefreshObservers();
        var batch = taken.Select(update => update.Build()).ToImmutableArray();
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnUpdates(batch);
            }
            catch (Exception exception)
            {
                logger.LogDebug(exception, "A web node did not take a batch of updates; it re-snapshots when it returns");
            }
        }
    }

    private async Task RefreshObservers()
    {
        var now = clock.GetUtcNow();
        if (now - observersReadAt < options.Value.ObserverRefreshInterval)
        {
            return;
        }

        try
        {
            observers = await grains.GetGrain<IPushSubscriptionsGrain>(0).GetObservers();
            observersReadAt = now;
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not read the web-node observers; keeping the {Count} known", observers.Length);
        }
    }

    private sealed record PendingUpdate(long Version, Func<DashboardUpdate> Build);
}
