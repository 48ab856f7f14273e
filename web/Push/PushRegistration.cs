using Dashboard.Contracts.Push;
using Dashboard.Grains.Push;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Push;

/// <summary>
/// Keeps this web node's observer in the cluster's subscription directory, renewing it well before it
/// expires, so silos and web nodes may restart in any order.
/// </summary>
public sealed class PushRegistration(
    IGrainFactory grains,
    DashboardObserver observer,
    IOptions<PushOptions> options,
    TimeProvider clock,
    ILogger<PushRegistration> logger) : BackgroundService
{
    private readonly TaskCompletionSource effective = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IDashboardObserver? reference;

    private long lastRenewedTicks;

    /// <summary>Completes once every silo has had the time to read this node's subscription.</summary>
    public Task WhenEffective => effective.Task;

    /// <summary>
    /// How long ago the silos last accepted this node's subscription. Past its lifetime they have
    /// forgotten it, and this node's walls receive nothing.
    /// </summary>
    public TimeSpan SinceRenewed => clock.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref lastRenewedTicks), TimeSpan.Zero);

    public TimeSpan Lifetime => options.Value.SubscriptionLifetime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        reference = grains.CreateObjectReference<IDashboardObserver>(observer);
        var directory = grains.GetGrain<IPushSubscriptionsGrain>(0);
        var lifetime = options.Value.SubscriptionLifetime;
        while (!stoppingToken.IsCancellationRequested)
        {
            var retry = lifetime / 3;
            try
            {
                await directory.Subscribe(reference, lifetime);
                Interlocked.Exchange(ref lastRenewedTicks, clock.GetUtcNow().UtcTicks);
                if (!effective.Task.IsCompleted)
                {
                    await Task.Delay(options.Value.ObserverRefreshInterval, clock, stoppingToken);
                    effective.TrySetResult();
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not renew the push subscription; retrying");
                retry = options.Value.ObserverRefreshInterval;
            }

            await Task.Delay(retry, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (reference is not null)
        {
            await grains.GetGrain<IPushSubscriptionsGrain>(0).Unsubscribe(reference).WaitAsync(cancellationToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
