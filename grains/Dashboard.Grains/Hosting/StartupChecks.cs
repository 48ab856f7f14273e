using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Hosting;

/// <summary>A setting that cannot work stops the start with one line naming its key, not a stack trace.</summary>
public static class StartupChecks
{
    /// <returns>0 after a normal stop; 2 when the configuration was refused.</returns>
    public static async Task<int> RunOrExplain(this IHost host, string process)
    {
        // Checked before the host starts, which would log the refusal again with its stack trace.
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception exception) when (Refusals(exception) is { Count: > 0 } refusals)
        {
            await Console.Error.WriteLineAsync($"{process}: {string.Join("; ", refusals)}");
            return 2;
        }

        await host.RunAsync();
        return 0;
    }

    private static List<string> Refusals(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException many => [.. many.InnerExceptions.SelectMany(Refusals)],
        _ => [],
    };
}
