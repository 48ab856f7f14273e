using System.Collections.Concurrent;
using Dashboard.Web.Access;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Push;

/// <summary>
/// A hub connection outlives the request that authenticated it, so open connections are checked
/// every <see cref="AuthOptions.ConnectionCheck"/>: one whose key, display token or user was revoked
/// is told why (<c>signedOut</c>) and closed. Its page then finds it is signed out and says so.
/// </summary>
public sealed partial class ConnectionGuard(
    CredentialLookup lookup,
    IHubContext<DashboardHub> hub,
    IOptions<AuthOptions> options,
    TimeProvider clock,
    ILogger<ConnectionGuard> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, HubCallerContext> open = new(StringComparer.Ordinal);

    public void Add(HubCallerContext connection) => open[connection.ConnectionId] = connection;

    public void Remove(HubCallerContext connection) => open.TryRemove(connection.ConnectionId, out _);

    public int Count => open.Count;

    /// <summary>
    /// Checks every open connection now; the periodic check calls this. A connection whose credential
    /// cannot be looked up (the silos are away, as in a rolling restart) stays open until a later
    /// check can tell: closing every wall whenever the cluster blinks would darken the command center
    /// for a fault that is not theirs.
    /// </summary>
    public async Task CloseRevoked()
    {
        var notChecked = 0;
        Exception? failure = null;
        foreach (var connection in open.Values)
        {
            try
            {
                if (connection.User is { } user && !await lookup.StillValid(user))
                {
                    await hub.Clients.Client(connection.ConnectionId).SendAsync("signedOut", "revoked");
                    connection.Abort();
                    open.TryRemove(connection.ConnectionId, out _);
                }
            }
            catch (Exception exception)
            {
                notChecked++;
                failure = exception;
            }
        }

        if (failure is not null)
        {
            LogNotChecked(failure, notChecked, options.Value.ConnectionCheck);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ConnectionCheck, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CloseRevoked();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The credentials of {Count} open connections could not be checked; they stay open and are checked again in {Interval}")]
    private partial void LogNotChecked(Exception exception, int count, TimeSpan interval);
}
