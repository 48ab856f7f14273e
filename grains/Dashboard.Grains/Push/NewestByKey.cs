using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Dashboard.Grains.Push;

/// <summary>
/// The newest value per key until a consumer takes them all, and one wake-up for the first value
/// offered after a take: how the silo's notifier and a web node's fan-out keep their cost to the
/// number of keys, not the number of changes.
/// </summary>
/// <param name="version">Of a value; an older one never replaces a newer one.</param>
public sealed class NewestByKey<T>(Func<T, long> version) : IDisposable
{
    private readonly ConcurrentDictionary<string, T> pending = new(StringComparer.Ordinal);

    /// <summary>Released once when the first value arrives after a take.</summary>
    private readonly SemaphoreSlim arrived = new(0, 1);

    /// <summary>1 from the first value after a take until the next take.</summary>
    private int signalled;

    /// <summary>Values offered so far, to tell when offers pause.</summary>
    private long offered;

    public void Offer(string key, T value)
    {
        pending.AddOrUpdate(key, value, (_, queued) => version(queued) > version(value) ? queued : value);
        Interlocked.Increment(ref offered);
        if (Interlocked.Exchange(ref signalled, 1) == 0)
        {
            arrived.Release();
        }
    }

    /// <summary>Until a value was offered since the last take (at once if one was).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => arrived.WaitAsync(cancellationToken);

    /// <summary>
    /// Completes once nothing was offered between two looks <paramref name="lull"/> apart, or once
    /// <paramref name="longest"/> has passed since the call, whichever is first.
    /// </summary>
    /// <remarks>
    /// A timer's callback decides and re-arms itself, so that the wait ends on the clock's thread
    /// (with a fake clock, inside its Advance) and never later than <paramref name="longest"/>.
    /// </remarks>
    public async Task Lull(TimeSpan lull, TimeSpan longest, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lull, TimeSpan.Zero);
        var over = new TaskCompletionSource();
        var started = clock.GetTimestamp();
        var seen = Interlocked.Read(ref offered);
        TimeSpan NextLook()
        {
            var left = longest - clock.GetElapsedTime(started);
            return left < lull ? left : lull;
        }

        ITimer? look = null;
        look = clock.CreateTimer(_ =>
        {
            var now = Interlocked.Read(ref offered);
            var next = NextLook();
            if (Interlocked.Exchange(ref seen, now) == now || next <= TimeSpan.Zero)
            {
                over.TrySetResult();
            }
            else
            {
                look!.Change(next, Timeout.InfiniteTimeSpan);
            }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        using (look)
        {
            // Armed only once assigned, so that the callback always finds the timer.
            var first = NextLook();
            look.Change(first > TimeSpan.Zero ? first : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            await over.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Everything offered since the last take; a consumer that was woken must take, even to find nothing.</summary>
    public ImmutableArray<T> Take()
    {
        // Reset before taking: a value that lands meanwhile is either taken now or signals again.
        Volatile.Write(ref signalled, 0);
        var batch = ImmutableArray.CreateBuilder<T>(pending.Count);
        foreach (var key in pending.Keys)
        {
            if (pending.TryRemove(key, out var value))
            {
                batch.Add(value);
            }
        }

        return batch.DrainToImmutable();
    }

    public void Dispose() => arrived.Dispose();
}
