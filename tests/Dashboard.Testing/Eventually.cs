namespace Dashboard.Testing;

/// <summary>Waits for something that happens on another thread or process, failing after a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static Task Until(Func<bool> condition, TimeSpan within) => Until(() => Task.FromResult(condition()), within);

    public static async Task Until(Func<Task<bool>> condition, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (!await condition())
        {
            await Task.Delay(Poll, deadline.Token);
        }
    }
}
