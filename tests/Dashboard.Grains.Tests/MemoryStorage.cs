using Orleans.Serialization;

namespace Dashboard.Grains.Tests;

/// <summary>
/// Grain storage in memory for the counting core's tests: what is saved, and the writes, which the
/// test may hold and release one by one or make fail.
/// </summary>
public sealed class MemoryStorage<T>(T saved) : IPersistentState<T>
    where T : class
{
    private readonly List<TaskCompletionSource> gates = [];
    private bool holding;
    private bool failNext;
    private int started;
    private int released;

    /// <summary>What a new activation would read.</summary>
    public T Saved { get; private set; } = saved;

    public int Writes { get; private set; }

    public T State { get; set; } = saved;

    public string? Etag => Writes.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool RecordExists => Writes > 0;

    /// <summary>From now on each write waits for a <see cref="Release"/>.</summary>
    public void HoldWrites() => holding = true;

    /// <summary>Lets the next held write (or the next one to come) go ahead.</summary>
    public void Release() => Gate(released++).TrySetResult();

    public void FailNextWrite() => failNext = true;

    /// <summary>What activation does: the provider's state becomes a copy of what is saved.</summary>
    public void Reload(DeepCopier<T> copier) => State = copier.Copy(Saved);

    public async Task WriteStateAsync()
    {
        var number = started++;
        if (holding)
        {
            await Gate(number).Task;
        }

        if (failNext)
        {
            failNext = false;
            throw new InvalidOperationException("storage unavailable");
        }

        Saved = State;
        Writes++;
    }

    public Task WriteStateAsync(CancellationToken cancellationToken) => WriteStateAsync();

    public Task ReadStateAsync() => Task.CompletedTask;

    public Task ReadStateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ClearStateAsync() => throw new NotSupportedException();

    public Task ClearStateAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    private TaskCompletionSource Gate(int number)
    {
        lock (gates)
        {
            while (gates.Count <= number)
            {
                gates.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            return gates[number];
        }
    }
}
