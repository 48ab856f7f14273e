using System.Collections.Immutable;
using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Push;
using Dashboard.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Alerts;

/// <summary>
/// The durable shell of the alert board: it runs the rules (<see cref="AlertRules"/>), hands their
/// findings and the officers' actions to the state machine (<see cref="AlertLifecycle"/>), and saves and
/// publishes the board whenever that changed it.
/// </summary>
public sealed class AlertBoardGrain(
    [PersistentState("alert-board", StorageNames.Dashboard)] IPersistentState<AlertBoardState> state,
    IOptions<AlertOptions> options,
    UpdateNotifier notifier,
    TimeProvider clock) : Grain, IAlertBoardGrain
{
    private AlertLifecycle lifecycle = null!;

    private AlertRules rules = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        lifecycle = new AlertLifecycle(state.State, options.Value);
        rules = new AlertRules(GrainFactory, options.Value);
        return Task.CompletedTask;
    }

    public async Task Evaluate()
    {
        if (await GrainFactory.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var finding in await rules.Run(region, now))
        {
            changed |= finding switch
            {
                Observation observation => lifecycle.Track(observation, now),
                Retirement retirement => lifecycle.Retire(retirement, now),
                _ => throw new InvalidOperationException($"Unknown finding {finding.GetType().Name}"),
            };
        }

        changed |= lifecycle.Escalate(now);
        changed |= lifecycle.ForgetOld(now);
        if (changed)
        {
            await Save(now);
        }
    }

    public Task<AlertBoard> GetBoard() => Task.FromResult(lifecycle.View(clock.GetUtcNow()));

    public Task<AlertDetail?> Get(string id) => Task.FromResult(lifecycle.Detail(id));

    public Task<AlertActionResult> Acknowledge(string id, string by, string? note) =>
        Act(now => lifecycle.Acknowledge(id, by, note, now));

    public Task<AlertActionResult> Resolve(string id, string by, string? note) =>
        Act(now => lifecycle.Resolve(id, by, note, now));

    public Task<ImmutableArray<Silence>> GetSilences() => Task.FromResult(lifecycle.Silences(clock.GetUtcNow()));

    public async Task<Silence> AddSilence(Silence silence)
    {
        var now = clock.GetUtcNow();
        var added = lifecycle.AddSilence(silence, now);
        await Save(now);
        return added;
    }

    public async Task<bool> RemoveSilence(string id, string by)
    {
        var now = clock.GetUtcNow();
        if (!lifecycle.RemoveSilence(id, by, now))
        {
            return false;
        }

        await Save(now);
        return true;
    }

    public Task<ImmutableArray<AuditEntry>> GetAudit(DateTimeOffset since) => Task.FromResult(lifecycle.AuditSince(since));

    public Task<Handover> GetHandover(DateTimeOffset since) => Task.FromResult(lifecycle.HandoverSince(since, clock.GetUtcNow()));

    private async Task<AlertActionResult> Act(Func<DateTimeOffset, (AlertActionResult Result, bool Changed)> action)
    {
        var now = clock.GetUtcNow();
        var (result, changed) = action(now);
        if (changed)
        {
            await Save(now);
        }

        return result;
    }

    private async Task Save(DateTimeOffset now)
    {
        state.State.Version++;
        state.State.AsOf = now;
        await state.WriteOrDeactivate(DeactivateOnIdle);
        notifier.Publish(new DashboardUpdate(UpdateKeys.Alerts, state.State.Version, now, lifecycle.View(now)));
    }
}
