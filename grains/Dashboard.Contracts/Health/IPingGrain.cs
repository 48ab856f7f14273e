namespace Dashboard.Contracts.Health;

/// <summary>
/// Answered by whichever silo a caller reaches, from memory: a web node's probe that a silo takes
/// grain calls, whatever the database is doing.
/// </summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task Ping();
}
