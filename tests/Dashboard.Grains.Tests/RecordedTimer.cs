namespace Dashboard.Grains.Tests;

/// <summary>A timer the test fires by hand: what a grain timer would call, and whether it was stopped.</summary>
public sealed class RecordedTimer(Func<Task> callback) : IDisposable
{
    public bool Stopped { get; private set; }

    public Task Fire() => callback();

    public void Dispose() => Stopped = true;
}
