using System.Diagnostics;

namespace Dashboard.Grains.Storage;

/// <summary>
/// Group commit for a grain whose changes arrive interleaved: every change made while a write is in
/// flight joins the next write, and each caller is answered when the write holding its change is
/// durable. One write then carries many events, which is what makes ingest fast (a state write costs
/// about the same for one event as for fifty).
/// </summary>
/// <remarks>
/// Changes must be made in memory synchronously, within one grain turn, before <see cref="Durable"/>.
/// A failed write leaves memory ahead of storage: the failure is kept, every later caller gets it,
/// and <paramref name="write"/> is expected to have the activation dropped. Callers get an
/// <see cref="OrleansException"/> that names the storage's error without carrying it: a driver's
/// exception (Npgsql's) cannot cross to a web node, which would answer 500 instead of asking the
/// sender to retry.
/// </remarks>
public sealed class GroupCommit(Func<Task> write)
{
    private TaskCompletionSource? next;

    /// <summary>Changes waiting for the next write.</summary>
    private int waiting;

    private bool writing;

    private Exception? failure;

    /// <summary>Throws when an earlier write failed, so nothing more is changed in this activation.</summary>
    public void ThrowIfFailed()
    {
        if (failure is not null)
        {
            throw new OrleansException($"An earlier write of this grain failed; retry once it has been reloaded. {failure.Message}");
        }
    }

    /// <summary>Completes when the changes made so far are durably written.</summary>
    public Task Durable()
    {
        ThrowIfFailed();
        next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting++;
        var durable = next.Task;
        if (!writing)
        {
            _ = WriteWhileChanged();
        }

        return durable;
    }

    private async Task WriteWhileChanged()
    {
        writing = true;
        while (next is { } group && failure is null)
        {
            next = null;
            var changes = waiting;
            waiting = 0;
            using var span = StorageTracing.Source.StartActivity("grain state write");
            span?.SetTag("dashboard.storage.changes", changes);
            try
            {
                await write();
                StorageMetrics.CommitSize.Record(changes);
                group.SetResult();
            }
            catch (Exception exception)
            {
                span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
                failure = new OrleansException($"The grain state write failed ({exception.GetType().Name}: {exception.Message}); retry.");
                group.SetException(failure);
            }
        }

        next?.SetException(failure!);
        next = null;
        waiting = 0;
        writing = false;
    }
}
