using System.Net.Http.Json;

namespace Dashboard.Testing;

/// <summary>Builds and sends ingest requests the way an integrating system would: as JSON.</summary>
public static class Events
{
    public const string SomeInstitution = "441802-GB-001";

    public static object Capacity(string id, string institutionId, int beds) =>
        new { id, type = "institution.capacity", occurredAt = DateTimeOffset.UtcNow.ToString("O"), institutionId, beds };

    public static object Census(string id, string institutionId, int occupants) =>
        new { id, type = "institution.census", occurredAt = DateTimeOffset.UtcNow.ToString("O"), institutionId, occupants };

    public static object Admitted(string id, string institutionId = SomeInstitution, int count = 1, DateTimeOffset? at = null) =>
        new { id, type = "institution.admitted", occurredAt = (at ?? DateTimeOffset.UtcNow).ToString("O"), institutionId, count };

    public static object Discharged(string id, string institutionId = SomeInstitution, int count = 1, DateTimeOffset? at = null) =>
        new { id, type = "institution.discharged", occurredAt = (at ?? DateTimeOffset.UtcNow).ToString("O"), institutionId, count };

    public static object InboundCall(string id, string countyCode, bool answered = true, DateTimeOffset? at = null) =>
        new { id, type = "hotline.call", occurredAt = (at ?? DateTimeOffset.UtcNow).ToString("O"), countyCode, direction = "inbound", answered };

    /// <summary>Batches of admissions spread over the demo registry's elderly-care homes, each with its own id.</summary>
    public static object[][] AdmissionBatches(string prefix, int batches, int perBatch)
    {
        var institutions = DemoRegistry.ElderlyCareIds();
        var at = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, batches).Select(batch => Enumerable.Range(0, perBatch)
            .Select(index => Admitted($"{prefix}-{batch}-{index}", institutions[(batch * perBatch + index) % institutions.Length], at: at))
            .ToArray())];
    }

    public static Task<HttpResponseMessage> Post(this HttpClient http, params object[] events) =>
        http.PostAsJsonAsync("/api/v1/events", new { events });
}
