using System.Net.Http.Json;

namespace Dashboard.Testing;

/// <summary>Builds and sends ingest requests the way an integrating system would: as JSON.</summary>
public static class Events
{
    public const string SomeInstitution = "441802-GB-001";

    public static object Admitted(string id, string institutionId = SomeInstitution, int count = 1, DateTimeOffset? at = null) =>
        new { id, type = "institution.admitted", occurredAt = (at ?? DateTimeOffset.UtcNow).ToString("O"), institutionId, count };

    public static object Discharged(string id, string institutionId = SomeInstitution, int count = 1, DateTimeOffset? at = null) =>
        new { id, type = "institution.discharged", occurredAt = (at ?? DateTimeOffset.UtcNow).ToString("O"), institutionId, count };

    public static Task<HttpResponseMessage> Post(this HttpClient http, params object[] events) =>
        http.PostAsJsonAsync("/api/v1/events", new { events });
}
