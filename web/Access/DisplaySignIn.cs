using System.Security.Claims;
using Dashboard.Contracts.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>
/// A wall opens its page once with <c>?display=&lt;token&gt;</c>: the token becomes a long-lived
/// read-only cookie and the page reloads without it, so the token stays out of history, screenshots
/// and referrers.
/// </summary>
public sealed class DisplaySignIn(RequestDelegate next, CredentialLookup lookup, SecurityLog log, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string Query = "display";

    public Task InvokeAsync(HttpContext context) =>
        context.Request.QueryString.HasValue && HttpMethods.IsGet(context.Request.Method) && context.Request.Query.TryGetValue(Query, out var token)
        && !context.Request.Path.StartsWithSegments("/api")
            ? SignIn(context, token.ToString())
            : next(context);

    private async Task SignIn(HttpContext context, string secret)
    {
        var credential = secret.StartsWith(Secrets.DisplayPrefix, StringComparison.Ordinal) && secret.Length < 128
            ? await lookup.FindBySecret(secret)
            : null;
        if (credential is not { Kind: CredentialKind.Display })
        {
            await log.Record(context, "display.signin", "显示屏令牌", succeeded: false, "令牌无效或已被撤销");
            context.Response.Redirect($"{CookieSessions.SignInPath}?reason=display");
            return;
        }

        var now = clock.GetUtcNow();
        await context.SignInAsync(CookieSessions.Scheme, new ClaimsPrincipal(DashboardClaims.For(credential, CookieSessions.Scheme)),
            new AuthenticationProperties { IsPersistent = true, IssuedUtc = now, ExpiresUtc = now + options.Value.DisplayLifetime });
        await log.Record(context, "display.signin", $"显示屏 {credential.Name} ({credential.Id})", succeeded: true);

        var rest = new QueryBuilder(context.Request.Query.Where(pair => pair.Key != Query).SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value ?? string.Empty))));
        context.Response.Redirect(context.Request.PathBase + context.Request.Path + rest.ToQueryString());
    }
}
