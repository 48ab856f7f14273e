using Dashboard.Contracts.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Alerts;

/// <summary>
/// Runs the alert rules once per interval from every silo. The board keeps its deadlines in its state
/// and checks them on each run, so escalation continues on whichever silo activates it after a restart.
/// </summary>
public sealed class AlertHeartbeat(IGrainFactory grains, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluateEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await EvaluateOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Alert heartbeat stopped");
        }
    }

    private async Task EvaluateOnce()
    {
        try
        {
            await grains.GetGrain<IAlertBoardGrain>(0).Evaluate();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "The alert rules could not run; trying again in {Interval}", options.Value.EvaluateEvery);
        }
    }
}
