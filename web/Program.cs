using Dashboard.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddDashboardSwitches(args);

builder.AddDashboardSilo();
builder.AddDashboardWeb();

var app = builder.Build();
app.MapDashboard();
app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
