using System.Net.Http.Json;
using Dashboard.Testing;

namespace Dashboard.Web.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Acknowledged_events_survive_a_host_restart_and_stay_deduplicated()
    {
        string folder;
        int occupants;
        var admission = Events.Admitted("persist-1", count: 2);
        await using (var first = new DashboardApp())
        {
            folder = first.DataFolder;
            (await first.Http.Post(admission, Events.Admitted("persist-2", institutionId: "441882-MB-001"))).EnsureSuccessStatusCode();
            occupants = (await first.GetCity()).ElderlyCare.Occupants;
        }

        await using var second = new DashboardApp(folder);
        (await second.Http.Post(admission)).EnsureSuccessStatusCode();

        Assert.Equal(3409 + 3, occupants);
        Assert.Equal(occupants, (await second.GetCity()).ElderlyCare.Occupants);
    }

    [Fact]
    public async Task Retries_after_a_restart_are_recognised_even_when_the_ids_filled_several_archived_blocks()
    {
        const int events = 300;
        var admissions = Enumerable.Range(0, events).Select(index => Events.Admitted($"block-{index}")).Chunk(50).ToList();
        string folder;
        await using (var first = new DashboardApp())
        {
            folder = first.DataFolder;
            foreach (var batch in admissions)
            {
                (await first.Http.Post(batch)).EnsureSuccessStatusCode();
            }
        }

        await using var second = new DashboardApp(folder);
        var duplicates = 0;
        foreach (var batch in admissions)
        {
            var response = await second.Http.Post(batch);
            response.EnsureSuccessStatusCode();
            duplicates += (await response.Content.ReadFromJsonAsync<IngestCounts>(Json.Options))!.Duplicates;
        }

        Assert.Equal(events, duplicates);
        Assert.Equal(3409 + events, (await second.GetCity()).ElderlyCare.Occupants);
    }

    private sealed record IngestCounts(int Accepted, int Duplicates);
}
