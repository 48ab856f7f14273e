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
    /// <summary>A page that reads takes the notice at once; a hung one must not hold up the round.</summary>
    private static readonly TimeSpan SignOutNotice = TimeSpan.FromSeconds(2);

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
            bool valid;
            try
            {
                valid = connection.User is not { } user || await lookup.StillValid(user);
            }
            catch (Exception exception)
            {
                notChecked++;
                failure = exception;
                continue;
            }

            if (!valid)
            {
                await SignOut(connection);
            }
        }

        if (failure is not null)
        {
            LogNotChecked(failure, notChecked, options.Value.ConnectionCheck);
        }
    }

    /// <summary>Tells the page why, for as long as it takes a page that reads; closed either way.</summary>
    private async Task SignOut(HubCallerContext connection)
    {
        open.TryRemove(connection.ConnectionId, out _);
        try
        {
            await hub.Clients.Client(connection.ConnectionId).SendAsync("signedOut", "revoked").WaitAsync(SignOutNotice, clock)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            connection.Abort();
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
