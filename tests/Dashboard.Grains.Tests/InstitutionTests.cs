using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;

namespace Dashboard.Grains.Tests;

public sealed class InstitutionTests(TestSilo silo) : IClassFixture<TestSilo>
{
    [Fact]
    public async Task Each_event_id_is_counted_once_even_within_one_batch()
    {
        var home = await Register("443001-A", beds: 10, occupants: 2);
        var admission = Change("adm-1", InstitutionChangeKind.Admitted, 3);

        var results = await home.Apply([admission, admission]);
        var retry = await home.Apply([admission]);

        Assert.Equal([EventStatus.Accepted, EventStatus.Duplicate], results.Select(result => result.Status));
        Assert.Equal(EventStatus.Duplicate, retry.Single().Status);
        Assert.Equal(5, (await home.GetTotals())!.Occupants);
    }

    [Fact]
    public async Task A_census_sets_occupants_and_capacity_sets_beds_and_the_county_follows()
    {
        var home = await Register("443002-A", beds: 10, occupants: 2);

        await home.Apply([Change("cap-1", InstitutionChangeKind.Capacity, 40), Change("census-1", InstitutionChangeKind.Census, 33)]);

        var county = await silo.Grains.GetGrain<ICountyGrain>("443002").GetTotals();
        Assert.Equal((40, 33), (county.ElderlyCare.Beds, county.ElderlyCare.Occupants));
    }

    [Fact]
    public async Task A_rejected_discharge_does_not_block_the_valid_events_of_its_batch()
    {
        var home = await Register("443003-A", beds: 10, occupants: 1);

        var results = await home.Apply([Change("dis-1", InstitutionChangeKind.Discharged, 2), Change("adm-2", InstitutionChangeKind.Admitted, 1)]);

        Assert.Equal([EventStatus.Rejected, EventStatus.Accepted], results.Select(result => result.Status));
        Assert.Equal(2, (await home.GetTotals())!.Occupants);
    }

    [Fact]
    public async Task Events_older_than_the_dedupe_window_or_too_far_ahead_are_rejected()
    {
        var home = await Register("443004-A", beds: 10, occupants: 1);
        var now = silo.Clock.GetUtcNow();

        var results = await home.Apply([
            Change("old-1", InstitutionChangeKind.Admitted, 1, now - TimeSpan.FromDays(4)),
            Change("future-1", InstitutionChangeKind.Admitted, 1, now + TimeSpan.FromHours(1)),
        ]);

        Assert.All(results, result => Assert.Equal(EventStatus.Rejected, result.Status));
        Assert.Equal(1, (await home.GetTotals())!.Occupants);
    }

    [Fact]
    public async Task An_id_is_remembered_for_the_whole_window_and_a_later_retry_is_too_old_to_count()
    {
        var home = await Register("443005-A", beds: 10, occupants: 0);
        var admission = Change("adm-3", InstitutionChangeKind.Admitted, 1, silo.Clock.GetUtcNow());
        await home.Apply([admission]);

        silo.Clock.Advance(TimeSpan.FromDays(2.9));
        var withinWindow = await home.Apply([admission]);
        silo.Clock.Advance(TimeSpan.FromDays(0.2));
        var afterWindow = await home.Apply([admission]);

        Assert.Equal(EventStatus.Duplicate, withinWindow.Single().Status);
        Assert.Equal(EventStatus.Rejected, afterWindow.Single().Status);
        Assert.Equal(1, (await home.GetTotals())!.Occupants);
    }

    [Fact]
    public async Task An_unregistered_institution_rejects_its_events()
    {
        var results = await silo.Grains.GetGrain<IInstitutionGrain>("nowhere").Apply([Change("x-1", InstitutionChangeKind.Admitted, 1)]);

        Assert.Contains("未知机构", results.Single().Reason);
    }

    private async Task<IInstitutionGrain> Register(string id, int beds, int occupants)
    {
        var grain = silo.Grains.GetGrain<IInstitutionGrain>(id);
        await grain.Register(new RegisteredInstitution(new InstitutionInfo(id, "测试敬老院", InstitutionKind.PublicElderlyCare, id[..6], Demo: false), beds, occupants));
        return grain;
    }

    private InstitutionChange Change(string id, InstitutionChangeKind kind, int value, DateTimeOffset? at = null) =>
        new(id, kind, value, at ?? silo.Clock.GetUtcNow(), Fingerprint: (ulong)HashCode.Combine(id, kind, value));
}
