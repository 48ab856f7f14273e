using System.Collections.Immutable;
using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.Push;
using Dashboard.Grains.Push;
using Dashboard.Web.Alerts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Push;

/// <summary>
/// Sends the silos' updates to this node's connections, at most <see cref="FanOutOptions.NodeMessagesPerSecond"/>
/// messages a second. Each message is a send on every connection of its group, and that is what a
/// node's processor time goes to (profiled); after a fan-out of N messages the node rests N / rate
/// before the next (a second at most), keeping only the newest update per key meanwhile. A hundred walls then get every
/// flush of the silos, and thousands get fewer, fresher messages instead of queues that grow.
/// </summary>
/// <remarks>
/// Groups are sent one after the other. A wall is usually in several groups (the city and a county);
/// sending them at once would make each connection's sends wait for each other on its write lock and
/// its buffers, which profiling showed as lock contention that grew with the number of connections.
/// Each group send only queues the message on every connection, so one after the other costs no delay.
/// </remarks>
public sealed partial class PacedFanOut(
    IHubContext<DashboardHub> hub,
    ScopedGroups scoped,
    ChangedEntries changes,
    DashboardHubLifetimeManager connections,
    PushMetrics metrics,
    IOptions<FanOutOptions> options,
    TimeProvider clock,
    ILogger<PacedFanOut> logger) : BackgroundService
{
    public const string UpdateMethod = "update";

    /// <summary>However many connections, a wall waits no longer than this for the node's next fan-out.</summary>
    private static readonly TimeSpan LongestRest = TimeSpan.FromSeconds(1);

    private readonly NewestByKey<DashboardUpdate> pending = new(update => update.Version);

    public void Enqueue(ImmutableArray<DashboardUpdate> updates)
    {
        foreach (var update in updates)
        {
            pending.Offer(update.Key, update);
        }
    }

    public override void Dispose()
    {
        pending.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rate = options.Value.NodeMessagesPerSecond;
        try
        {
            while (true)
            {
                await pending.WaitAsync(stoppingToken);
                var messages = await Send(pending.Take());
                var rest = TimeSpan.FromSeconds(messages / (double)rate);
                await Task.Delay(rest < LongestRest ? rest : LongestRest, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends a batch; returns how many messages that was (a group's send is one per connection in it).</summary>
    private async Task<long> Send(ImmutableArray<DashboardUpdate> updates)
    {
        metrics.Sending(updates);
        var messages = 0L;
        foreach (var update in updates)
        {
            try
            {
                foreach (var group in UpdateKeys.GroupsOf(update.Key))
                {
                    messages += await SendTo(group, update);
                }

                // Cutting an update down costs its serialization, so only for someone here to receive it.
                var changesGroup = ChangedEntries.GroupFor(update.Key);
                if (connections.SizeOf(changesGroup) == 0)
                {
                    changes.Forget(update.Key);
                }
                else if (changes.Of(update) is { } changed)
                {
                    messages += await SendTo(changesGroup, changed);
                }

                if (update.Data is AlertBoard board)
                {
                    foreach (var (group, scope) in scoped.AlertGroups)
                    {
                        messages += await SendTo(group, update with { Data = board.VisibleTo(scope) });
                    }
                }
            }
            catch (Exception exception)
            {
                LogNotSent(exception, update.Key);
            }
        }

        return messages;
    }

    private async Task<int> SendTo(string group, object message)
    {
        await hub.Clients.Group(group).SendAsync(UpdateMethod, message);
        return connections.SizeOf(group);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An update of {Key} was not sent to this node's connections; pages take it with their next snapshot")]
    private partial void LogNotSent(Exception exception, string key);
}
