using System.Security.Claims;
using System.Text.Json;
using Dashboard.Web.Access;
using Dashboard.Web.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Ingest;

public static class IngestEndpoints
{
    /// <summary>The event types and their fields, as published in /openapi/v1.json.</summary>
    private const string EventTypesDescription = """
        Body: {"events": [...]}, at most 1000 events. Every event has `id` (unique per source, at most 128 characters; a retry reuses it),
        `type`, and `occurredAt` (ISO 8601 with an offset, at most 5 minutes ahead and 3 days back). The types and their fields:
        - `institution.capacity`: `institutionId`, `beds` (0 to 100000)
        - `institution.admitted`, `institution.discharged`: `institutionId`, `count` (1 to 10000, default 1); a discharge below zero is rejected
        - `institution.census`: `institutionId`, `occupants` (absolute head count, reconciles)
        - `rescue.received`: `stationId`, `minor` (bool, default false)
        - `rescue.reunited`, `rescue.settled`: `stationId`; the longest-staying resident leaves
        - `hotline.call`: `countyCode` (or the city code for the city line), `direction` (`inbound` | `outbound`), `answered` (bool, required for inbound)
        - `hotline.case`: `countyCode`, `kind` (`consultation` | `intervention`)
        The response has one result per event in request order: `accepted`, `duplicate` (same id and payload seen before) or `rejected` with a reason.
        A malformed request is a 400 problem and nothing of it is applied; a passing server failure is a 503 with Retry-After.
        """;

    public static void MapIngest(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/events", Ingest)
            .RequireAuthorization(Policies.Ingest)
            .WithName("IngestEvents")
            .WithSummary("Ingest a batch of events, exactly once per event id")
            .WithDescription(EventTypesDescription)
            .Accepts<IngestRequest>("application/json")
            .Produces<IngestResponse>()
            .ProducesValidationProblem();

    /// <summary>The response carries one result per event, in request order.</summary>
    private static async Task<Results<Ok<IngestResponse>, ValidationProblem>> Ingest(
        HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, IngestMetrics metrics, IOptions<JsonOptions> json, TimeProvider clock, ILoggerFactory logs)
    {
        IngestRequest? body;
        try
        {
            body = request.HasJsonContentType()
                ? await request.ReadFromJsonAsync<IngestRequest>(json.Value.SerializerOptions)
                : throw new JsonException("Content-Type 必须是 application/json");
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"请求体不是有效的 JSON：{exception.Message}"] });
        }

        var log = logs.CreateLogger(typeof(IngestLog));
        var valid = EventValidator.Validate(body, out var errors);
        if (errors.Count > 0)
        {
            IngestLog.BatchRefused(log, user.RateLimitPartition(), errors);
            return TypedResults.ValidationProblem(errors, title: "事件批次无效，未应用任何事件");
        }

        var planned = await IngestScope.Restrict(valid, user.Scope(), grains);
        var results = await IngestPipeline.Apply(planned, grains);
        metrics.Record(body!.Events!.Select(item => item!.Type!), valid, planned, results);
        IngestLog.Rejections(log, user.RateLimitPartition(), results);
        await ReportingActivity.Record(user, results, grains, clock, logs.CreateLogger(nameof(ReportingActivity)));
        return TypedResults.Ok(IngestResponse.Of(results));
    }
}
