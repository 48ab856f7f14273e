using System.Security.Claims;
using Dashboard.Contracts.Access;
using Dashboard.Contracts.Ingest;
using Dashboard.Web.Access;

namespace Dashboard.Web.Reporting;

/// <summary>When an institution's clerk last reported, for the admin's list of links.</summary>
public static class ReportingActivity
{
    /// <summary>Only a reporting link's accepted entries count; every other source pays nothing for this.</summary>
    public static Task Record(ClaimsPrincipal user, IReadOnlyCollection<EventResult> results, IGrainFactory grains, TimeProvider clock) =>
        user.Scope().Institution is not null && results.Any(result => result.Status == EventStatus.Accepted)
            ? grains.GetGrain<ICredentialsGrain>(0).Reported(user.SubjectOf()!, clock.GetUtcNow())
            : Task.CompletedTask;
}
