namespace Dashboard.Cluster.Tests;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    private const string Name = "probe";

    private int ticks;

    public Task Start(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(Name, dueTime, period);

    public async Task Stop() => await this.UnregisterReminder(await this.GetReminder(Name) ?? throw new InvalidOperationException("no reminder"));

    public Task<int> Ticks() => Task.FromResult(ticks);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks++;
        return Task.CompletedTask;
    }
}
