using Dashboard.Grains.Hosting;
using Dashboard.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddDashboardSwitches(args);

if (await builder.CheckDashboardDatabase() is { } problem)
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
