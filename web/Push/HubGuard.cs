using System.Threading.RateLimiting;
using Dashboard.Web.Access;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Push;

/// <summary>
/// Around every hub call: a token bucket per connection, and whatever goes wrong answers the caller
/// with a short reason instead of a stack trace in the log. What a client got wrong is logged as a
/// warning, at most one a minute per node. Connections are known to the
/// <see cref="ConnectionGuard"/>, which closes those whose credentials end.
/// </summary>
public sealed partial class HubGuard(ConnectionGuard connections, PushMetrics metrics, IOptions<AuthOptions> options, TimeProvider clock, ILogger<HubGuard> logger) : IHubFilter
{
    private const string LimiterKey = "dashboard:limiter";

    private long nextWarningTicks;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var limiter = (TokenBucketRateLimiter)invocationContext.Context.Items[LimiterKey]!;
        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            Warn("hub calls over the rate limit", invocationContext.Context.ConnectionId, invocationContext.HubMethodName);
            throw new HubException("调用过于频繁，请稍后再试");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidCastException or NullReferenceException or FormatException)
        {
            Warn(exception.GetType().Name, invocationContext.Context.ConnectionId, invocationContext.HubMethodName);
            throw new HubException("请求无效");
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var perSecond = options.Value.RateLimits.HubCallsPerSecond;
        context.Context.Items[LimiterKey] = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond * 2,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
        connections.Add(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context);
        metrics.Unsubscribed(DashboardHub.SubscribedGroups(context.Context));
        (context.Context.Items[LimiterKey] as IDisposable)?.Dispose();
        await next(context, exception);
    }

    private void Warn(string what, string connectionId, string method)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref nextWarningTicks);
        if (now >= due && Interlocked.CompareExchange(ref nextWarningTicks, now + TimeSpan.TicksPerMinute, due) == due)
        {
            LogRefused(what, method, connectionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused hub call {Method} of connection {ConnectionId}: {What} (further refusals this minute are not logged)")]
    private partial void LogRefused(string what, string method, string connectionId);
}
