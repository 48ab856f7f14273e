using Dashboard.Grains.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
var applySchemaOnly = args is ["schema", "apply", ..];

var applySchema = applySchemaOnly || builder.Configuration.GetClusterOptions().ApplySchema;
if (await builder.Configuration.PrepareClusterDatabase(applySchema) is { } problem)
{
    Console.Error.WriteLine($"Dashboard.Silo: {problem}");
    return 2;
}

if (applySchemaOnly)
{
    Console.WriteLine("Dashboard.Silo: schema applied");
    return 0;
}

builder.UseOrleans(silo => silo.AddDashboard(builder.Configuration).AddPostgresCluster(builder.Configuration));
return await builder.Build().RunOrExplain("Dashboard.Silo");
