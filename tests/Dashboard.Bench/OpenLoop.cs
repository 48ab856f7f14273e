using System.Diagnostics;

namespace Dashboard.Bench;

/// <summary>The senders' fixed schedule: each send waits until it falls due, never less.</summary>
public static class OpenLoop
{
    /// <summary>
    /// Waits until <paramref name="due"/> on <paramref name="clock"/>. Timers tick in whole
    /// milliseconds and may fire up to one early, so a send could go before it was due, and an answer
    /// faster than that was then timed from before the send was due (below zero); the clock decides.
    /// </summary>
    public static async Task WaitUntil(Stopwatch clock, TimeSpan due)
    {
        for (var wait = due - clock.Elapsed; wait > TimeSpan.Zero; wait = due - clock.Elapsed)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
        }
    }
}
