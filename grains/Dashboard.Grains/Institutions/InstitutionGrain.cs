using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Rescue;
using Dashboard.Grains.Counting;
using Dashboard.Grains.Ingest;
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
    private InstitutionTotals? committed;

    private CountingCore<InstitutionState> counting = null!;

    private InstitutionState Working => counting.Working;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        committed = state.State.ToTotals();
        counting = new CountingCore<InstitutionState>(state, copier, clock, new CountingSteps<InstitutionState>
        {
            Scope = $"institution:{id}",
            Archive = key => GrainFactory.GetGrain<IAcceptedIdsArchiveGrain>(key),
            Deactivate = DeactivateOnIdle,
            Repeat = (callback, interval) => this.RegisterGrainTimer(callback, interval, interval),
            Written = written => committed = written.ToTotals(),
            ReportUpward = () => GrainFactory.GetGrain<ICountyGrain>(committed!.Info.CountyCode).Report(committed),
        }, options.Value, logger);
        await counting.Load();
    }

    public async Task Register(RegisteredInstitution registration)
    {
        var info = registration.Info;
        var previous = Working.Info;
        if (previous == info && Working.Active && Working.Beds == registration.Beds)
        {
            // Nothing new, but a load interrupted by a crash may not have reached the county yet.
            await counting.ReportAgain();
            return;
        }

        counting.ThrowIfFailed();
        Working.Info = info;
        Working.Active = true;
        Working.Beds = registration.Beds;
        if (previous is null || previous.Demo != info.Demo)
        {
            Open(registration);
        }

        await counting.Durable();
        if (previous is not null && previous.CountyCode != info.CountyCode)
        {
            await GrainFactory.GetGrain<ICountyGrain>(previous.CountyCode).Leave(info.Id);
        }
    }

    public async Task Deactivate()
    {
        if (Working.Info is not null && Working.Active)
        {
            counting.ThrowIfFailed();
            Working.Active = false;
            await counting.Durable();
        }
    }

    public async Task<ImmutableArray<EventResult>> Apply(ImmutableArray<InstitutionChange> changes)
    {
        counting.ThrowIfFailed();
        if (Working.Info is null || !Working.Active)
        {
            var reason = Working.Info is null
                ? $"未知机构：登记册中没有编号为 {this.GetPrimaryKeyString()} 的机构"
                : $"机构 {Working.Info.Name} 已停用，不再接收事件";
            return [.. changes.Select(change => EventResult.Rejected(change.EventId, reason))];
        }

        return await counting.Apply(changes, TryCount);
    }

    public Task<InstitutionTotals?> GetTotals() => Task.FromResult(committed);

    /// <summary>The counters an institution starts with: from the registry file, or zero.</summary>
    private void Open(RegisteredInstitution registration)
    {
        var isStation = registration.Info.Kind.IsRescue();
        Working.Residents = isStation ? [.. (registration.Rescue?.Residents ?? []).OrderBy(resident => resident.Arrived)] : [];
        Working.Occupants = isStation ? Working.Residents.Count : registration.Occupants;
        Working.Rescue = isStation
            ? PeriodCounts<RescueCounts>.Empty(BureauCalendar.LocalDate(clock.GetUtcNow())) with { Year = registration.Rescue?.Year ?? RescueCounts.Zero }
            : null;
    }

    private string? TryCount(InstitutionChange change, DateTimeOffset now)
    {
        if (Refusal(change) is { } reason)
        {
            return reason;
        }

        Count(change, BureauCalendar.LocalDate(change.OccurredAt), BureauCalendar.LocalDate(now));
        return null;
    }

    private string? Refusal(InstitutionChange change)
    {
        var isStation = Working.Info!.Kind.IsRescue();
        return change.Kind switch
        {
            InstitutionChangeKind.Admitted or InstitutionChangeKind.Discharged or InstitutionChangeKind.Census when isStation =>
                "救助站的在站人数由 rescue.received / rescue.reunited / rescue.settled 事件记录",
            InstitutionChangeKind.Discharged when change.Value > Working.Occupants =>
                $"出院人数 {change.Value} 超过当前在住人数 {Working.Occupants}",
            InstitutionChangeKind.RescueReceived or InstitutionChangeKind.RescueReunited or InstitutionChangeKind.RescueSettled when !isStation =>
                $"{Working.Info.Name} 不是救助管理站或未成年人救助保护中心",
            InstitutionChangeKind.RescueReunited or InstitutionChangeKind.RescueSettled when Working.Residents.Count == 0 =>
                "站内当前没有在站人员",
            _ => null,
        };
    }

    private void Count(InstitutionChange change, DateOnly day, DateOnly today)
    {
        switch (change.Kind)
        {
            case InstitutionChangeKind.Capacity:
                Working.Beds = change.Value;
                break;
            case InstitutionChangeKind.Admitted:
                Working.Occupants += change.Value;
                break;
            case InstitutionChangeKind.Discharged:
                Working.Occupants -= change.Value;
                break;
            case InstitutionChangeKind.Census:
                Working.Occupants = change.Value;
                break;
            case InstitutionChangeKind.RescueReceived:
                var minor = change.Value == InstitutionChange.Minor;
                Working.Residents.Insert(Working.Residents.FindLastIndex(resident => resident.Arrived <= day) + 1, new Resident(day, minor));
                CountRescue(day, today, new RescueCounts(1, minor ? 1 : 0, 0, 0));
                break;
            case InstitutionChangeKind.RescueReunited:
                Working.Residents.RemoveAt(0);
                CountRescue(day, today, new RescueCounts(0, 0, 0, 1));
                break;
            case InstitutionChangeKind.RescueSettled:
                Working.Residents.RemoveAt(0);
                CountRescue(day, today, new RescueCounts(0, 0, 1, 0));
                break;
        }
    }

    /// <summary>Stations count people, so their occupants are their residents.</summary>
    private void CountRescue(DateOnly day, DateOnly today, RescueCounts delta)
    {
        Working.Rescue = (Working.Rescue ?? PeriodCounts<RescueCounts>.Empty(today)).Count(day, delta, today);
        Working.Occupants = Working.Residents.Count;
    }
}
