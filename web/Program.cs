using Dashboard.Grains.Hosting;
using Dashboard.Web.Backup;
using Dashboard.Web.Hosting;

var command = MaintenanceCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command.Settings);
builder.Configuration.AddDashboardSwitches(command.Settings);
if (command.Verb is not null)
{
    return await command.Run(builder);
}

if (await builder.CheckDashboardStorage() is { } problem)
{
    Console.Error.WriteLine($"Dashboard.Web: {problem}");
    return 2;
}

builder.AddDashboardOrleans();
builder.AddDashboardWeb();

var app = builder.Build();
app.MapDashboard();
return await app.RunOrExplain("Dashboard.Web");

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
