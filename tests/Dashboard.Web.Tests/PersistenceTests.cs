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
}
