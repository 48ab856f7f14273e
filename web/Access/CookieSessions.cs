using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Web.Access;

/// <summary>
/// Signed-in people and walls hold a cookie. Each request checks that the person or display still
/// exists and is unchanged (a revoked display token or a disabled user is signed out), and a
/// request for data without a session answers 401 instead of a redirect to the sign-in page.
/// </summary>
public sealed class CookieSessions(CredentialLookup lookup) : CookieAuthenticationEvents
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public const string SignInPath = "/signin";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (!await lookup.StillValid(context.Principal!))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsForMachines(context.Request)
            ? Problems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "需要身份认证", "请先登录，或在请求中提供 API 密钥")
            : Redirect(context, context.RedirectUri);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsForMachines(context.Request)
            ? Problems.Write(context.HttpContext, StatusCodes.Status403Forbidden, "无权访问", "当前账户的角色或区县范围不允许这项操作")
            : Redirect(context, $"{SignInPath}?reason=forbidden");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context, string location)
    {
        context.Response.Redirect(location);
        return Task.CompletedTask;
    }

    private static bool IsForMachines(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/openapi");
}
