using Dashboard.Contracts.Health;
using Orleans.Concurrency;

namespace Dashboard.Grains.Health;

[StatelessWorker]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task Ping() => Task.CompletedTask;
}
