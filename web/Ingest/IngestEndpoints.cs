using System.Text.Json;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Institutions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Ingest;

public static class IngestEndpoints
{
    public static void MapIngest(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/events", Ingest)
            .WithName("IngestEvents")
            .WithSummary("Ingest a batch of events, exactly once per event id")
            .Accepts<IngestRequest>("application/json")
            .Produces<IngestResponse>()
            .ProducesValidationProblem();

    /// <summary>
    /// Events are grouped per institution and each group is applied by its grain in one durable write;
    /// the groups run in parallel. The response carries one result per event, in request order.
    /// </summary>
    private static async Task<Results<Ok<IngestResponse>, ValidationProblem>> Ingest(
        HttpRequest request, IGrainFactory grains, IOptions<JsonOptions> json)
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

        var planned = EventValidator.Validate(body, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "事件批次无效，未应用任何事件");
        }

        var results = planned.Select(plan => plan.KnownResult).ToArray();
        var byInstitution = planned
            .Select((plan, index) => (plan.InstitutionId, plan.Change, Index: index))
            .Where(item => item.Change is not null)
            .GroupBy(item => item.InstitutionId!, StringComparer.Ordinal);
        await Task.WhenAll(byInstitution.Select(async group =>
        {
            var outcomes = await grains.GetGrain<IInstitutionGrain>(group.Key).Apply([.. group.Select(item => item.Change!)]);
            foreach (var (item, outcome) in group.Zip(outcomes))
            {
                results[item.Index] = outcome;
            }
        }));

        return TypedResults.Ok(IngestResponse.Of(results!));
    }
}
