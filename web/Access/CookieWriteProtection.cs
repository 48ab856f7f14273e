using Microsoft.AspNetCore.Antiforgery;

namespace Dashboard.Web.Access;

/// <summary>
/// A browser sends the session cookie with any request, even one another site makes it send. So a
/// request authenticated by the cookie must come from our own pages: its Origin, when present, is
/// this service (this also refuses cross-site WebSocket connections to the hub), and a write carries
/// the antiforgery token that only our pages can read. Machines' API keys are not sent by browsers on
/// their own, so their requests need neither.
/// </summary>
public sealed class CookieWriteProtection(RequestDelegate next, IAntiforgery antiforgery)
{
    private static readonly PathString[] Exempt = ["/api/v1/auth/signin", "/api/v1/auth/setup"];

    public Task InvokeAsync(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieSessions.Scheme } ? FromOwnPages(context) : next(context);

    private async Task FromOwnPages(HttpContext context)
    {
        if (IsCrossOrigin(context.Request))
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, "跨站请求被拒绝", "带登录凭据的请求必须来自本站页面");
            return;
        }

        var writes = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method);
        if (writes && context.Request.Path.StartsWithSegments("/api") && !Exempt.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await Problems.Write(context, StatusCodes.Status400BadRequest, "缺少防伪令牌", "页面的写操作必须带 X-CSRF-TOKEN 请求头（取自 GET /api/v1/auth/me）");
            return;
        }

        await next(context);
    }

    private static bool IsCrossOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
