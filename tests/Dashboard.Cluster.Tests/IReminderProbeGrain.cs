namespace Dashboard.Cluster.Tests;

/// <summary>A grain with a reminder, to prove that reminders are stored in and fire from PostgreSQL.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task Start(TimeSpan dueTime, TimeSpan period);

    Task Stop();

    Task<int> Ticks();
}
