using Dashboard.Contracts.Targets;
using Dashboard.Grains.Storage;

namespace Dashboard.Grains.Targets;

public sealed class TargetsGrain(
    [PersistentState("targets", StorageNames.Dashboard)] IPersistentState<TargetsState> state) : Grain, ITargetsGrain
{
    public Task<TargetSet> GetAll() => Task.FromResult(Current());

    public Task<TargetSet> Set(string county, TargetMetric metric, int value) =>
        Write([.. Without(county, metric), new Target(county, metric, value)]);

    public Task<TargetSet> Remove(string county, TargetMetric metric) =>
        state.State.Targets.Any(target => Matches(target, county, metric)) ? Write([.. Without(county, metric)]) : GetAll();

    private IEnumerable<Target> Without(string county, TargetMetric metric) =>
        state.State.Targets.Where(target => !Matches(target, county, metric));

    private static bool Matches(Target target, string county, TargetMetric metric) =>
        target.County == county && target.Metric == metric;

    private async Task<TargetSet> Write(IEnumerable<Target> targets)
    {
        state.State.Targets = [.. targets.OrderBy(target => target.County, StringComparer.Ordinal).ThenBy(target => target.Metric)];
        state.State.Version++;
        await state.WriteOrDeactivate(this.DeactivateOnIdle);
        return Current();
    }

    private TargetSet Current() => new(state.State.Version, state.State.Targets);
}
