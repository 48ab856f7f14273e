using System.Collections.Concurrent;
using System.Collections.Immutable;
using Dashboard.Contracts.Push;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Push;

/// <summary>
/// One per silo. Grains publish every change; only the newest version per key is kept until the next
/// flush, so the cost of fan-out follows the flush rate and the number of keys, not the event rate.
/// </summary>
public sealed class UpdateNotifier(
    IGrainFactory grains,
    IOptions<PushOptions> options,
    TimeProvider clock,
    ILogger<UpdateNotifier> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly ConcurrentDictionary<string, PendingUpdate> pending = new(StringComparer.Ordinal);

    private readonly CancellationTokenSource stopping = new();

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
        var update = new PendingUpdate(version, build);
        pending.AddOrUpdate(key, update, (_, queued) => queued.Version > version ? queued : update);
    }

    public void Dispose() => stopping.Dispose();

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
        using var timer = new PeriodicTimer(options.Value.FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
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
        if (pending.IsEmpty)
        {
            return;
        }

        await RefreshObservers();
        var batch = TakePending();
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

    private ImmutableArray<DashboardUpdate> TakePending()
    {
        var batch = ImmutableArray.CreateBuilder<DashboardUpdate>(pending.Count);
        foreach (var key in pending.Keys)
        {
            if (pending.TryRemove(key, out var update))
            {
                batch.Add(update.Build());
            }
        }

        return batch.DrainToImmutable();
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
