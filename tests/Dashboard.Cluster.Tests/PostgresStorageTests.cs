using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Grains;
using Dashboard.Grains.Institutions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Dashboard.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(Postgres postgres)
{
    private static readonly InstitutionInfo Home = new("441802-GB-001", "清城区凤城街道敬老院", InstitutionKind.PublicElderlyCare, "441802", Demo: false);

    [Fact]
    public async Task Grain_state_round_trips_through_write_read_overwrite_and_clear()
    {
        await using var silo = await PostgresSilo.Start(await postgres.Server.CreateDatabase());
        var storage = Storage(silo);
        var id = GrainId.Create("institution", "round-trip");

        var written = new GrainState<InstitutionState>(new InstitutionState { Info = Home, Beds = 30, Occupants = 12, Version = 1 });
        await storage.WriteStateAsync("institution", id, written);
        var read = await Read(storage, id);
        written.State!.Occupants = 13;
        await storage.WriteStateAsync("institution", id, written);
        var reread = await Read(storage, id);
        await storage.ClearStateAsync("institution", id, written);
        var cleared = await Read(storage, id);

        Assert.True(read.RecordExists);
        Assert.Equal((Home, 30, 12), (read.State!.Info, read.State.Beds, read.State.Occupants));
        Assert.Equal(13, reread.State!.Occupants);
        Assert.NotEqual(read.ETag, reread.ETag);
        Assert.False(cleared.RecordExists);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused()
    {
        await using var silo = await PostgresSilo.Start(await postgres.Server.CreateDatabase());
        var storage = Storage(silo);
        var id = GrainId.Create("institution", "conflict");
        var first = new GrainState<InstitutionState>(new InstitutionState { Info = Home, Beds = 10 });
        await storage.WriteStateAsync("institution", id, first);
        var stale = new GrainState<InstitutionState>(new InstitutionState { Info = Home, Beds = 99 }) { ETag = first.ETag };

        await storage.WriteStateAsync("institution", id, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("institution", id, stale));
        Assert.Equal(10, (await Read(storage, id)).State!.Beds);
    }

    [Fact]
    public async Task A_second_first_write_of_the_same_grain_is_refused()
    {
        await using var silo = await PostgresSilo.Start(await postgres.Server.CreateDatabase());
        var storage = Storage(silo);
        var id = GrainId.Create("institution", "twice");
        await storage.WriteStateAsync("institution", id, new GrainState<InstitutionState>(new InstitutionState { Beds = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("institution", id, new GrainState<InstitutionState>(new InstitutionState { Beds = 2 })));
    }

    [Fact]
    public async Task Institution_counters_survive_a_silo_restart_on_the_same_database()
    {
        var database = await postgres.Server.CreateDatabase();
        await using (var first = await PostgresSilo.Start(database))
        {
            var home = first.Grains.GetGrain<IInstitutionGrain>(Home.Id);
            await home.Register(new RegisteredInstitution(Home, Beds: 30, Occupants: 12));
            await home.Apply([new InstitutionChange("restart-1", InstitutionChangeKind.Admitted, 2, DateTimeOffset.UtcNow, Fingerprint: 7)]);
        }

        await using var second = await PostgresSilo.Start(database);
        var results = await second.Grains.GetGrain<IInstitutionGrain>(Home.Id)
            .Apply([new InstitutionChange("restart-1", InstitutionChangeKind.Admitted, 2, DateTimeOffset.UtcNow, Fingerprint: 7)]);

        Assert.Equal(Contracts.Ingest.EventStatus.Duplicate, results.Single().Status);
        Assert.Equal(14, (await second.Grains.GetGrain<IInstitutionGrain>(Home.Id).GetTotals())!.Occupants);
    }

    private static IGrainStorage Storage(PostgresSilo silo) => silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Dashboard);

    private static async Task<GrainState<InstitutionState>> Read(IGrainStorage storage, GrainId id)
    {
        var state = new GrainState<InstitutionState>(new InstitutionState());
        await storage.ReadStateAsync("institution", id, state);
        return state;
    }
}
