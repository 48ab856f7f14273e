using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>
/// Machines: an API key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. Browsers cannot set
/// headers on a WebSocket, so the hub also takes it as <c>access_token</c> in the query string, as
/// the SignalR clients send it.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialLookup lookup)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string KeyHeader = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";
    private const string HubTokenQuery = "access_token";

    /// <summary>Longer than any key this service issues or accepts as a bootstrap key: refused without a lookup.</summary>
    private const int MaxKeyLength = 256;

    public static bool Carries(HttpRequest request) =>
        request.Headers.ContainsKey(KeyHeader)
        || Bearer(request) is not null
        || (request.Path.StartsWithSegments(HubPaths.Dashboard) && request.Query.ContainsKey(HubTokenQuery));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Key(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        return key.Length is not 0 and <= MaxKeyLength && await lookup.Authenticate(key) is { } found
            ? found.Result
            : AuthenticateResult.Fail("unknown or revoked API key");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, "需要身份认证", "请求缺少有效的 API 密钥（X-Api-Key 或 Authorization: Bearer），或密钥已被撤销");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "无权访问", "此密钥的角色或区县范围不允许这项操作");

    private static string? Key(HttpRequest request)
    {
        if (request.Headers.TryGetValue(KeyHeader, out var header))
        {
            return header.ToString().Trim();
        }

        if (Bearer(request) is { } authorization)
        {
            return authorization[BearerPrefix.Length..].Trim();
        }

        return request.Path.StartsWithSegments(HubPaths.Dashboard) ? request.Query[HubTokenQuery].ToString() : null;
    }

    /// <summary>A plain loop: every request asks, and LINQ over header values would box an enumerator.</summary>
    private static string? Bearer(HttpRequest request)
    {
        foreach (var value in request.Headers.Authorization)
        {
            if (value?.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) == true)
            {
                return value;
            }
        }

        return null;
    }
}
