using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTests(Postgres postgres)
{
    [Fact]
    public async Task A_reminder_is_stored_fires_and_is_removed()
    {
        await using var silo = await PostgresSilo.Start(await postgres.Server.CreateDatabase());
        var probe = silo.Grains.GetGrain<IReminderProbeGrain>("escalation-probe");
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grainId = probe.GetGrainId();

        await probe.Start(dueTime: TimeSpan.FromMilliseconds(200), period: TimeSpan.FromMinutes(1));
        var stored = await table.ReadRows(grainId);
        await WaitUntil(async () => await probe.Ticks() >= 1);
        await probe.Stop();

        Assert.Equal(TimeSpan.FromMinutes(1), stored.Reminders.Single().Period);
        Assert.Empty((await table.ReadRows(grainId)).Reminders);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
