using System.Security.Claims;
using Dashboard.Contracts.Access;
using Dashboard.Contracts.Ingest;
using Dashboard.Web.Access;

namespace Dashboard.Web.Reporting;

/// <summary>When an institution's clerk last reported, for the admin's list of links.</summary>
public static class ReportingActivity
{
    /// <summary>
    /// Only a reporting link's accepted entries count; every other source pays nothing for this. The
    /// entries are already counted, so a failure here is logged and never turns their answer into an error.
    /// </summary>
    public static async Task Record(ClaimsPrincipal user, IReadOnlyCollection<EventResult> results, IGrainFactory grains, TimeProvider clock, ILogger logger)
    {
        if (user.Scope().Institution is null || !results.Any(result => result.Status == EventStatus.Accepted))
        {
            return;
        }

        try
        {
            await grains.GetGrain<ICredentialsGrain>(0).Reported(user.SubjectOf()!, clock.GetUtcNow());
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "When reporting link {Link} last reported could not be kept", user.SubjectOf());
        }
    }
}
