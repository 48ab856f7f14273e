using Microsoft.Extensions.Logging;

namespace Dashboard.Grains.Counting;

/// <summary>
/// A counting grain's report to the grain above it. The events are durable before the report is sent;
/// the grain above only mirrors totals that are absolute and versioned, so a late or repeated report is
/// harmless. A failed report is therefore retried on a timer until one gets through.
/// </summary>
public sealed class UpwardReport(Func<Task> send, Func<Func<Task>, TimeSpan, IDisposable> repeat, string scope, ILogger logger)
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private IDisposable? retry;

    public async Task Send()
    {
        try
        {
            await send();
            retry?.Dispose();
            retry = null;
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Report of {Scope} upward failed; retrying every {Interval}", scope, RetryInterval);
            retry ??= repeat(Send, RetryInterval);
        }
    }
}
