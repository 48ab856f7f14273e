using Dashboard.Grains.Push;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Grains.Tests;

/// <summary>The notifier's leading edge: a batch's roll-ups arrive over a few milliseconds, and the flush waits for them to pause.</summary>
/// <remarks>
/// The fake clock runs timer callbacks inside <see cref="FakeTimeProvider.Advance"/>; without the test
/// runner's synchronization context their continuations run there too, as they do on a timer's thread,
/// so a lull has ended or not by the time Advance returns.
/// </remarks>
public sealed class NewestByKeyTests : IDisposable
{
    private static readonly TimeSpan Lull = TimeSpan.FromMilliseconds(2);

    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(10);

    private readonly FakeTimeProvider clock = new();

    private readonly NewestByKey<long> pending = new(value => value);

    [Fact]
    public void A_lull_ends_once_nothing_more_was_offered_for_its_length()
    {
        WithoutTheRunnersContext();
        pending.Offer("city", 1);
        var lull = pending.Lull(Lull, Longest, clock, CancellationToken.None);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        pending.Offer("county", 2);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(lull.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.True(lull.IsCompletedSuccessfully);
    }

    [Fact]
    public void Offers_that_never_pause_are_waited_for_no_longer_than_the_longest_wait()
    {
        WithoutTheRunnersContext();
        var lull = pending.Lull(Lull, TimeSpan.FromMilliseconds(5), clock, CancellationToken.None);
        for (var elapsed = 0; elapsed < 4; elapsed++)
        {
            pending.Offer("city", elapsed);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.False(lull.IsCompleted);
        }

        pending.Offer("city", 4);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(lull.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_lull_ends_when_the_silo_stops()
    {
        WithoutTheRunnersContext();
        using var stopping = new CancellationTokenSource();
        var lull = pending.Lull(Lull, Longest, clock, stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lull);
    }

    public void Dispose() => pending.Dispose();

    /// <summary>The runner gives each test its context again.</summary>
    private static void WithoutTheRunnersContext() => SynchronizationContext.SetSynchronizationContext(null);
}
