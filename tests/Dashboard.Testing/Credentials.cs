using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.Testing;

/// <summary>What an administrator issues, through the admin API of an instance, with an admin client.</summary>
public static class Credentials
{
    public const string Password = "correct horse battery staple";

    /// <summary>A new API key's secret.</summary>
    public static async Task<string> IssueKey(this HttpClient admin, string name, string role, params string[] counties) =>
        (await Issue(admin, "/api/v1/admin/keys", new { name, role, counties })).GetProperty("key").GetString()!;

    /// <summary>A new display token's id and the page path a wall opens once.</summary>
    public static async Task<(string Id, string Url)> IssueDisplay(this HttpClient admin, string name, params string[] counties)
    {
        var display = await Issue(admin, "/api/v1/admin/displays", new { name, counties });
        return (display.GetProperty("id").GetString()!, display.GetProperty("url").GetString()!);
    }

    /// <summary>A new reporting link of an institution: the address a clerk's phone opens and the key it carries after '#'.</summary>
    public static async Task<(string Url, string Key)> IssueReportingLink(this HttpClient admin, string institutionId)
    {
        var url = (await Issue(admin, $"/api/v1/admin/reporting/{institutionId}", new { })).GetProperty("url").GetString()!;
        return (url, url[(url.IndexOf('#') + 1)..]);
    }

    /// <summary>A person who signs in with <see cref="Password"/>.</summary>
    public static async Task AddUser(this HttpClient admin, string login, string displayName, string role, params string[] counties) =>
        await Issue(admin, "/api/v1/admin/users", new { login, displayName, role, counties, password = Password });

    private static async Task<JsonElement> Issue(HttpClient admin, string path, object request)
    {
        var response = await admin.PostAsJsonAsync(path, request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
