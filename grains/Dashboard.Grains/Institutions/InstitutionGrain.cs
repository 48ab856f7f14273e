using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Rescue;
using Dashboard.Grains.Ingest;
using Dashboard.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Dashboard.Grains.Institutions;

public sealed class InstitutionGrain(
    [PersistentState("institution", StorageNames.Dashboard)] IPersistentState<InstitutionState> state,
    IOptions<IngestOptions> options,
    DeepCopier<InstitutionState> copier,
    TimeProvider clock,
    ILogger<InstitutionGrain> logger) : Grain, IInstitutionGrain
{
    private static readonly TimeSpan ReportRetryInterval = TimeSpan.FromSeconds(5);

    private InstitutionTotals? committed;

    private IGrainTimer? reportRetry;

    private Deduplicator deduplicator = null!;

    private GroupCommit commits = null!;

    /// <summary>
    /// The working state. Calls change it between writes; each write stores a copy, because the
    /// storage provider serializes off the grain's turn while the next changes are being made.
    /// </summary>
    private InstitutionState State { get; set; } = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        State = state.State;
        committed = State.ToTotals();
        deduplicator = new Deduplicator(State.Accepted, $"institution:{this.GetPrimaryKeyString()}", GrainFactory, options.Value, logger);
        commits = new GroupCommit(Write);
        await deduplicator.Load();
    }

    public async Task Register(RegisteredInstitution registration)
    {
        var info = registration.Info;
        var previous = State.Info;
        if (previous == info && State.Active && State.Beds == registration.Beds)
        {
            // Nothing new, but a load interrupted by a crash may not have reached the county yet.
            await ReportToCounty();
            return;
        }

        commits.ThrowIfFailed();
        State.Info = info;
        State.Active = true;
        State.Beds = registration.Beds;
        if (previous is null || previous.Demo != info.Demo)
        {
            Open(registration);
        }

        await commits.Durable();
        if (previous is not null && previous.CountyCode != info.CountyCode)
        {
            await GrainFactory.GetGrain<ICountyGrain>(previous.CountyCode).Leave(info.Id);
        }
    }

    public async Task Deactivate()
    {
        if (State.Info is not null && State.Active)
        {
            commits.ThrowIfFailed();
            State.Active = false;
            await commits.Durable();
        }
    }

    public async Task<ImmutableArray<EventResult>> Apply(ImmutableArray<InstitutionChange> changes)
    {
        commits.ThrowIfFailed();
        if (State.Info is null || !State.Active)
        {
            var reason = State.Info is null
                ? $"未知机构：登记册中没有编号为 {this.GetPrimaryKeyString()} 的机构"
                : $"机构 {State.Info.Name} 已停用，不再接收事件";
            return [.. changes.Select(change => EventResult.Rejected(change.EventId, reason))];
        }

        var now = clock.GetUtcNow();
        var results = changes.Select(change => ApplyOne(change, now)).ToImmutableArray();
        if (results.Any(result => result.Status == EventStatus.Accepted))
        {
            await commits.Durable();
        }

        return results;
    }

    public Task<InstitutionTotals?> GetTotals() => Task.FromResult(committed);

    /// <summary>The counters an institution starts with: from the registry file, or zero.</summary>
    private void Open(RegisteredInstitution registration)
    {
        var isStation = registration.Info.Kind.IsRescue();
        State.Residents = isStation ? [.. (registration.Rescue?.Residents ?? []).OrderBy(resident => resident.Arrived)] : [];
        State.Occupants = isStation ? State.Residents.Count : registration.Occupants;
        State.Rescue = isStation
            ? PeriodCounts<RescueCounts>.Empty(Today()) with { Year = registration.Rescue?.Year ?? RescueCounts.Zero }
            : null;
    }

    private EventResult ApplyOne(InstitutionChange change, DateTimeOffset now)
    {
        if (deduplicator.Refuse(change.EventId, change.Fingerprint, change.OccurredAt, now) is { } refused)
        {
            return refused;
        }

        if (Refusal(change) is { } reason)
        {
            return EventResult.Rejected(change.EventId, reason);
        }

        Count(change, BureauCalendar.LocalDate(change.OccurredAt), BureauCalendar.LocalDate(now));
        deduplicator.Remember(change.EventId, change.Fingerprint, change.OccurredAt, now);
        return EventResult.Accepted(change.EventId);
    }

    private string? Refusal(InstitutionChange change)
    {
        var isStation = State.Info!.Kind.IsRescue();
        return change.Kind switch
        {
            InstitutionChangeKind.Admitted or InstitutionChangeKind.Discharged or InstitutionChangeKind.Census when isStation =>
                "救助站的在站人数由 rescue.received / rescue.reunited / rescue.settled 事件记录",
            InstitutionChangeKind.Discharged when change.Value > State.Occupants =>
                $"出院人数 {change.Value} 超过当前在住人数 {State.Occupants}",
            InstitutionChangeKind.RescueReceived or InstitutionChangeKind.RescueReunited or InstitutionChangeKind.RescueSettled when !isStation =>
                $"{State.Info.Name} 不是救助管理站或未成年人救助保护中心",
            InstitutionChangeKind.RescueReunited or InstitutionChangeKind.RescueSettled when State.Residents.Count == 0 =>
                "站内当前没有在站人员",
            _ => null,
        };
    }

    private void Count(InstitutionChange change, DateOnly day, DateOnly today)
    {
        switch (change.Kind)
        {
            case InstitutionChangeKind.Capacity:
                State.Beds = change.Value;
                break;
            case InstitutionChangeKind.Admitted:
                State.Occupants += change.Value;
                break;
            case InstitutionChangeKind.Discharged:
                State.Occupants -= change.Value;
                break;
            case InstitutionChangeKind.Census:
                State.Occupants = change.Value;
                break;
            case InstitutionChangeKind.RescueReceived:
                var minor = change.Value == 1;
                State.Residents.Insert(State.Residents.FindLastIndex(resident => resident.Arrived <= day) + 1, new Resident(day, minor));
                CountRescue(day, today, new RescueCounts(1, minor ? 1 : 0, 0, 0));
                break;
            case InstitutionChangeKind.RescueReunited:
                State.Residents.RemoveAt(0);
                CountRescue(day, today, new RescueCounts(0, 0, 0, 1));
                break;
            case InstitutionChangeKind.RescueSettled:
                State.Residents.RemoveAt(0);
                CountRescue(day, today, new RescueCounts(0, 0, 1, 0));
                break;
        }
    }

    /// <summary>Stations count people, so their occupants are their residents.</summary>
    private void CountRescue(DateOnly day, DateOnly today, RescueCounts delta)
    {
        State.Rescue = (State.Rescue ?? PeriodCounts<RescueCounts>.Empty(today)).Count(day, delta, today);
        State.Occupants = State.Residents.Count;
    }

    private DateOnly Today() => BureauCalendar.LocalDate(clock.GetUtcNow());

    /// <summary>Writes a copy of the state with a new version, then tells the county.</summary>
    private async Task Write()
    {
        var now = clock.GetUtcNow();
        await deduplicator.Tidy(now);
        State.Version++;
        State.AsOf = now;
        var written = copier.Copy(State);
        state.State = written;
        await state.WriteOrDeactivate(DeactivateOnIdle);

        committed = written.ToTotals();
        await ReportToCounty();
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
