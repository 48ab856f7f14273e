using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Backup;

public static class BackupExtensions
{
    public static void AddScheduledBackup(this IServiceCollection services, IConfiguration configuration, string connectionString, string dataFolder)
    {
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section))
            .Validate(options => options.Every >= TimeSpan.FromMinutes(1), "Dashboard:Backup:Every must be at least one minute")
            .Validate(options => options.Keep >= 1, "Dashboard:Backup:Keep must be at least 1")
            .Validate(options => !string.IsNullOrWhiteSpace(options.Folder), "Dashboard:Backup:Folder must name a folder")
            .ValidateOnStart();
        if (!(configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new()).Enabled)
        {
            return;
        }

        services.AddHostedService(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BackupOptions>>();
            return new ScheduledBackup(connectionString, Path.GetFullPath(options.Value.Folder, dataFolder), options,
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ScheduledBackup>>());
        });
    }
}
