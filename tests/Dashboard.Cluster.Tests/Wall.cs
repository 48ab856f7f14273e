using System.Text.Json;
using System.Diagnostics;
using Dashboard.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Cluster.Tests;

/// <summary>
/// A SignalR client of one web node that keeps the newest city totals, as a wall page does: it
/// reconnects after a lost connection and after the node closed it on shutdown, and subscribes again.
/// </summary>
public sealed class Wall : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly CancellationTokenSource disposed = new();
    private readonly Lock gate = new();
    private readonly Stopwatch sinceChange = Stopwatch.StartNew();
    private long version = -1;
    private int timesLost;

    private Wall(Uri node)
    {
        connection = TestCredentials.Hub(node).WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)]).Build();
        connection.On<JsonElement>("update", update => Apply(update.GetProperty("data")));
        connection.Reconnected += _ => Subscribe();
        connection.Reconnecting += _ => Lost();
        connection.Closed += async _ =>
        {
            await Lost();
            await Reopen();
        };
    }

    public int Occupants { get; private set; }

    /// <summary>How often its connection broke or closed (a wall then shows that it is offline until it is back).</summary>
    public int TimesLost => Volatile.Read(ref timesLost);

    /// <summary>The longest the wall went without a change: under steady ingest, how long it was dark.</summary>
    public TimeSpan LongestGap { get; private set; }

    /// <summary>When the longest gap ended (UTC), to find it in the members' logs.</summary>
    public DateTime LongestGapEnded { get; private set; }

    public static async Task<Wall> Open(Uri node)
    {
        var wall = new Wall(node);
        await wall.connection.StartAsync();
        await wall.Subscribe();
        return wall;
    }

    public async ValueTask DisposeAsync()
    {
        await disposed.CancelAsync();
        await connection.DisposeAsync();
        disposed.Dispose();
    }

    private Task Lost()
    {
        Interlocked.Increment(ref timesLost);
        return Task.CompletedTask;
    }

    private async Task Subscribe() => Apply(await connection.InvokeAsync<JsonElement>("Subscribe", "city"));

    /// <summary>A node that shuts down closes its connections; a wall keeps trying until it is back.</summary>
    private async Task Reopen()
    {
        while (!disposed.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), disposed.Token);
                await connection.StartAsync(disposed.Token);
                await Subscribe();
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException or HubException)
            {
                // The node is not back yet.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Apply(JsonElement city)
    {
        lock (gate)
        {
            var newer = city.GetProperty("version").GetInt64();
            if (newer > version)
            {
                version = newer;
                Occupants = city.GetProperty("elderlyCare").GetProperty("occupants").GetInt32();
                if (sinceChange.Elapsed > LongestGap)
                {
                    LongestGap = sinceChange.Elapsed;
                    LongestGapEnded = DateTime.UtcNow;
                }

                sinceChange.Restart();
            }
        }
    }
}
