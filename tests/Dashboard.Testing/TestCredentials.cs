using System.Text.Json;
using Dashboard.Web.Push;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Testing;

/// <summary>
/// Every instance the tests start has this bootstrap key, a city-wide admin key, as a deployment's
/// scripts would; the tests' HTTP clients and hub connections send it.
/// </summary>
public static class TestCredentials
{
    public const string BootstrapKey = "test-bootstrap-key-0123456789abcdef0123456789";

    public const string KeyHeader = "X-Api-Key";

    /// <summary>The settings that give an instance the test key and limits that a test's bursts stay under.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Dashboard:Auth:BootstrapKey"] = BootstrapKey,
        ["Dashboard:Auth:RateLimits:RequestsPerSecond"] = "100000",
        ["Dashboard:Auth:RateLimits:Burst"] = "100000",
        ["Dashboard:Auth:RateLimits:AnonymousPerSecond"] = "100000",
    };

    public static HttpClient Client(Uri? baseAddress, string key = BootstrapKey, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Add(KeyHeader, key);
        return http;
    }

    /// <summary>A hub connection that authenticates with a key (by default the bootstrap key).</summary>
    public static IHubConnectionBuilder Hub(Uri baseAddress, string key = BootstrapKey) =>
        new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/dashboard"), options => options.Headers[KeyHeader] = key);

    /// <summary>The hub's MessagePack protocol instead of JSON, with the same shapes (<see cref="JsonShapedResolver"/>).</summary>
    public static IHubConnectionBuilder WithMessagePack(this IHubConnectionBuilder builder) =>
        builder.AddMessagePackProtocol(protocol => protocol.SerializerOptions = JsonShapedResolver.Options(JsonSerializerOptions.Web));
}
