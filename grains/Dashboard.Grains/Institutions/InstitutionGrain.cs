using System.Collections.Immutable;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Institutions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Institutions;

public sealed class InstitutionGrain(
    [PersistentState("institution", StorageNames.Dashboard)] IPersistentState<InstitutionState> state,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<InstitutionGrain> logger) : Grain, IInstitutionGrain
{
    private static readonly TimeSpan ReportRetryInterval = TimeSpan.FromSeconds(5);

    private InstitutionTotals? committed;

    private IGrainTimer? reportRetry;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        committed = state.State.ToTotals();
        return Task.CompletedTask;
    }

    public async Task Register(InstitutionInfo info, int beds, int occupants)
    {
        if (state.State.Info == info)
        {
            return;
        }

        var isNew = state.State.Info is null;
        state.State.Info = info;
        if (isNew)
        {
            state.State.Beds = beds;
            state.State.Occupants = occupants;
        }

        await Commit();
        await GrainFactory.GetGrain<ICountyGrain>(info.CountyCode).Report(committed!);
    }

    public async Task<ImmutableArray<EventResult>> Apply(ImmutableArray<InstitutionChange> changes)
    {
        if (state.State.Info is null)
        {
            return [.. changes.Select(change => EventResult.Rejected(change.EventId, $"未知机构：登记册中没有编号为 {this.GetPrimaryKeyString()} 的机构"))];
        }

        var now = clock.GetUtcNow();
        ForgetEventsOlderThan(now - options.Value.DedupeWindow);

        var results = changes.Select(change => ApplyOne(change, now)).ToImmutableArray();
        if (results.Any(result => result.Status == EventStatus.Accepted))
        {
            await Commit();
            await ReportToCounty();
        }

        return results;
    }

    public Task<InstitutionTotals?> GetTotals() => Task.FromResult(committed);

    private EventResult ApplyOne(InstitutionChange change, DateTimeOffset now)
    {
        if (state.State.ProcessedEvents.TryGetValue(change.EventId, out var processed))
        {
            return processed.Fingerprint == change.Fingerprint
                ? EventResult.Duplicate(change.EventId)
                : EventResult.Rejected(change.EventId, "事件编号已被另一内容不同的事件使用");
        }

        if (change.OccurredAt < now - options.Value.DedupeWindow)
        {
            return EventResult.Rejected(change.EventId, $"事件发生时间早于 {options.Value.DedupeWindow.TotalDays:0.#} 天去重窗口，无法保证不重复计数");
        }

        if (change.OccurredAt > now + options.Value.AllowedClockSkew)
        {
            return EventResult.Rejected(change.EventId, "事件发生时间晚于当前时间，超出允许的时钟偏差");
        }

        switch (change.Kind)
        {
            case InstitutionChangeKind.Capacity:
                state.State.Beds = change.Value;
                break;
            case InstitutionChangeKind.Admitted:
                state.State.Occupants += change.Value;
                break;
            case InstitutionChangeKind.Discharged when change.Value > state.State.Occupants:
                return EventResult.Rejected(change.EventId, $"出院人数 {change.Value} 超过当前在住人数 {state.State.Occupants}");
            case InstitutionChangeKind.Discharged:
                state.State.Occupants -= change.Value;
                break;
            case InstitutionChangeKind.Census:
                state.State.Occupants = change.Value;
                break;
        }

        state.State.ProcessedEvents[change.EventId] = new ProcessedEvent(change.Fingerprint, now);
        return EventResult.Accepted(change.EventId);
    }

    private void ForgetEventsOlderThan(DateTimeOffset horizon)
    {
        foreach (var (id, processed) in state.State.ProcessedEvents)
        {
            if (processed.AcceptedAt < horizon)
            {
                state.State.ProcessedEvents.Remove(id);
            }
        }
    }

    /// <summary>
    /// Writes the state with a new version. A failed write leaves memory ahead of storage, so the
    /// activation is dropped and the next call starts again from what is stored.
    /// </summary>
    private async Task Commit()
    {
        state.State.Version++;
        state.State.AsOf = clock.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        committed = state.State.ToTotals();
    }

    /// <summary>
    /// The events are durable once written; the county only mirrors them. If it cannot be reached the
    /// report is retried on a timer, and since totals are absolute and versioned a late report is harmless.
    /// </summary>
    private async Task ReportToCounty()
    {
        var totals = committed!;
        try
        {
            await GrainFactory.GetGrain<ICountyGrain>(totals.Info.CountyCode).Report(totals);
            reportRetry?.Dispose();
            reportRetry = null;
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Report of institution {Id} to county {County} failed; retrying", totals.Info.Id, totals.Info.CountyCode);
            reportRetry ??= this.RegisterGrainTimer(ReportToCounty, ReportRetryInterval, ReportRetryInterval);
        }
    }
}
