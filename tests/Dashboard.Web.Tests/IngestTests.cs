using System.Net;
using System.Net.Http.Json;
using Dashboard.Contracts.Ingest;
using Dashboard.Testing;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Tests;

public sealed class IngestTests : IAsyncDisposable
{
    private readonly DashboardApp app = new();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task An_admission_raises_city_occupants_by_one_and_its_retry_changes_nothing()
    {
        var before = await app.GetCity();
        var admission = Events.Admitted("adm-1");

        var first = await Send(admission);
        var retry = await Send(admission);
        var after = await app.GetCity();

        Assert.Equal(EventStatus.Accepted, first.Results.Single().Status);
        Assert.Equal(EventStatus.Duplicate, retry.Results.Single().Status);
        Assert.Equal(before.ElderlyCare.Occupants + 1, after.ElderlyCare.Occupants);
        Assert.True(after.Version > before.Version);
    }

    [Fact]
    public async Task The_same_id_with_another_payload_is_rejected_and_not_counted()
    {
        var at = DateTimeOffset.UtcNow;
        await Send(Events.Admitted("reuse-1", at: at));
        var before = await app.GetCity();

        var reuse = await Send(Events.Admitted("reuse-1", count: 5, at: at));

        var result = reuse.Results.Single();
        Assert.Equal(EventStatus.Rejected, result.Status);
        Assert.Contains("事件编号", result.Reason);
        Assert.Equal(before.ElderlyCare.Occupants, (await app.GetCity()).ElderlyCare.Occupants);
    }

    [Fact]
    public async Task A_malformed_event_fails_the_whole_batch_with_problem_details_and_applies_nothing()
    {
        var before = await app.GetCity();
        var malformed = new { id = "bad-1", type = "institution.admitted", occurredAt = "2026-01-01T08:00:00", institutionId = Events.SomeInstitution };

        var response = await app.Http.Post(Events.Admitted("good-1"), malformed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("events[1]", problem!.Errors.Keys);
        Assert.Equal(before.ElderlyCare.Occupants, (await app.GetCity()).ElderlyCare.Occupants);
        Assert.Equal(EventStatus.Accepted, (await Send(Events.Admitted("good-1"))).Results.Single().Status);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"events\": []}")]
    [InlineData("{\"events\": [{\"id\": \"x\", \"type\": \"institution.admitted\", \"occurredAt\": \"2026-01-01T00:00:00Z\", \"institutionId\": \"a\", \"count\": \"many\"}]}")]
    [InlineData("{\"events\": [{\"id\": \"x\", \"type\": \"no.such.type\", \"occurredAt\": \"2026-01-01T00:00:00Z\"}]}")]
    public async Task Bad_input_is_a_400_problem_not_a_server_error(string body)
    {
        var response = await app.Http.PostAsync("/api/v1/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_institutions_and_discharges_below_zero_are_rejected_with_reasons()
    {
        var occupants = (await app.Http.GetFromJsonAsync<InstitutionView>($"/api/v1/institutions/{Events.SomeInstitution}"))!.Occupants;

        var outcome = await Send(Events.Admitted("unknown-1", institutionId: "no-such-home"), Events.Discharged("below-zero-1", count: occupants + 1));

        Assert.All(outcome.Results, result => Assert.Equal(EventStatus.Rejected, result.Status));
        Assert.Contains("未知机构", outcome.Results[0].Reason);
        Assert.Contains("超过当前在住人数", outcome.Results[1].Reason);
    }

    [Fact]
    public async Task Results_come_back_in_request_order_across_institutions()
    {
        var repeated = Events.Admitted("order-1", institutionId: "441881-QY-001");

        var outcome = await Send(
            repeated,
            Events.Admitted("order-2"),
            Events.Admitted("order-3", institutionId: "441881-QY-001"),
            repeated);

        Assert.Equal(["order-1", "order-2", "order-3", "order-1"], outcome.Results.Select(result => result.Id));
        Assert.Equal([EventStatus.Accepted, EventStatus.Accepted, EventStatus.Accepted, EventStatus.Duplicate], outcome.Results.Select(result => result.Status));
    }

    private async Task<IngestResult> Send(params object[] events)
    {
        var response = await app.Http.Post(events);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IngestResult>(Json.Options))!;
    }

    private sealed record InstitutionView(string Id, int Beds, int Occupants);
}
