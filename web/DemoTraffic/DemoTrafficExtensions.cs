namespace Dashboard.Web.DemoTraffic;

public static class DemoTrafficExtensions
{
    public static void AddDemoTraffic(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DemoTrafficOptions.Section);
        services.AddOptions<DemoTrafficOptions>().Bind(section)
            .Validate(options => options.EventsPerSecond is >= 0 and <= DemoTrafficOptions.MaxEventsPerSecond,
                $"Dashboard:DemoTraffic:EventsPerSecond must be between 0 (off) and {DemoTrafficOptions.MaxEventsPerSecond}")
            .ValidateOnStart();
        if (section.Get<DemoTrafficOptions>() is { EventsPerSecond: > 0 })
        {
            services.AddHttpClient<DemoTrafficGenerator>();
            services.AddHostedService(services => services.GetRequiredService<DemoTrafficGenerator>());
        }
    }
}
