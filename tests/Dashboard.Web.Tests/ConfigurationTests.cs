using Dashboard.Testing;

namespace Dashboard.Web.Tests;

/// <summary>A setting that cannot work stops the start at once, with one line naming its key.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Dashboard:Alerts:EscalateAfter", "00:00:00")]
    [InlineData("Dashboard:Push:FlushInterval", "00:00:00")]
    [InlineData("Dashboard:Push:NodeMessagesPerSecond", "0")]
    [InlineData("Dashboard:Push:SendTimeout", "00:00:00")]
    [InlineData("Dashboard:Ingest:DedupeWindow", "00:01:00")]
    [InlineData("Dashboard:Alerts:Spike:Probability", "1.5")]
    [InlineData("Dashboard:DemoTraffic:EventsPerSecond", "-1")]
    [InlineData("Dashboard:Backup:Every", "00:00:00")]
    [InlineData("Dashboard:Backup:Keep", "0")]
    [InlineData("Dashboard:Embedded:GatewayPort", "70000")]
    [InlineData("Dashboard:Tracing:OtlpEndpoint", "collector:4317")]
    [InlineData("Dashboard:Tracing:SampleRatio", "2")]
    public async Task A_setting_that_cannot_work_stops_the_start_with_one_line_naming_its_key(string key, string value)
    {
        var (exitCode, errors) = await DashboardProcess.StartRefused(new Dictionary<string, string> { [key] = value });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("Dashboard.Web: ", line);
        Assert.Contains(key, line);
    }

    [Theory]
    [InlineData("Dashboard:Cluster:ResponseTimeout", "00:00:00")]
    [InlineData("Dashboard:Cluster:ManagementUrl", "9464")]
    public async Task A_cluster_web_node_with_a_setting_that_cannot_work_stops_before_it_looks_for_its_database(string key, string value)
    {
        var (exitCode, errors) = await DashboardProcess.StartRefused(new Dictionary<string, string>
        {
            ["Dashboard:Mode"] = "cluster",
            ["Dashboard:Cluster:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody",
            [key] = value,
        });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("Dashboard.Web: ", line);
        Assert.Contains(key, line);
    }
}
