using Dashboard.Contracts.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Access;

public static class AuditEndpoints
{
    private static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(1);

    public static void MapSecurityAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/admin/audit", Get)
            .RequireAuthorization(Policies.Admin)
            .RequireCityWide()
            .WithTags("Administration")
            .WithSummary("The security audit trail since a time (default: the last 24 hours, at most 366 days back): sign-ins, keys, display tokens, users, registry and targets");

    private static async Task<Results<Ok<SecurityEvent[]>, ProblemHttpResult>> Get(SecurityLog log, TimeProvider clock, DateTimeOffset? since)
    {
        var now = clock.GetUtcNow();
        var from = since ?? now - DefaultSpan;
        if (from < now - SecurityLog.MaxQuerySpan || from > now)
        {
            return TypedResults.Problem($"since 必须在过去 {SecurityLog.MaxQuerySpan.TotalDays:0} 天之内", statusCode: StatusCodes.Status400BadRequest, title: "参数无效");
        }

        return TypedResults.Ok((await log.Since(from)).ToArray());
    }
}
