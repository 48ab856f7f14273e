using System.Diagnostics;

namespace Dashboard.Bench;

/// <summary>The senders' fixed schedule: each send waits until it falls due, never less.</summary>
public static class OpenLoop
{
    /// <summary>
    /// Waits until <paramref name="due"/> on <paramref name="clock"/>. Timers count whole milliseconds
    /// and drop the fraction, so waiting for the bare difference could send up to a millisecond early,
    /// and an answer faster than that was then timed from before its send was due (below zero).
    /// </summary>
    public static async Task WaitUntil(Stopwatch clock, TimeSpan due)
    {
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
        }
    }
}
