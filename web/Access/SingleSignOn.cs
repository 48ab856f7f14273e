using System.Collections.Immutable;
using System.Security.Claims;
using Dashboard.Contracts.Registry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>
/// Signs people in through the bureau's OpenID Connect provider: the provider vouches for who they
/// are; its role and counties claims decide what they may do, exactly as for a local account. A
/// person the provider gives no dashboard role is refused. The session is the same cookie as a local
/// sign-in, with the same idle timeout.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";

    public const string StartPath = "/signin/sso";

    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, SingleSignOnOptions sso)
    {
        if (!sso.IsEnabled)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(Scheme, sso.DisplayName, options =>
        {
            options.Authority = sso.Authority;
            options.ClientId = sso.ClientId;
            options.ClientSecret = sso.ClientSecret;
            options.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            options.ResponseType = "code";
            options.ResponseMode = "query";
            options.UsePkce = true;
            options.MapInboundClaims = false;
            options.SignInScheme = CookieSessions.Scheme;
            options.CallbackPath = "/signin-oidc";
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");

            // The provider answers with a top-level redirect (response_mode=query), so Lax cookies come back.
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            options.Events.OnTokenValidated = TokenValidated;
            options.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect($"{CookieSessions.SignInPath}?reason=sso");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    public static void MapSingleSignOn(this IEndpointRouteBuilder app) =>
        app.MapGet(StartPath, (string? returnUrl, IOptions<SingleSignOnOptions> sso) => sso.Value.IsEnabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [Scheme])
                : TypedResults.Problem("此部署未配置统一身份认证", statusCode: StatusCodes.Status404NotFound, title: "未配置统一身份认证"))
            .AllowAnonymous()
            .ExcludeFromDescription();

    /// <summary>Only a path of this site: never an address elsewhere that a crafted link could send people to.</summary>
    public static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static async Task TokenValidated(TokenValidatedContext context)
    {
        var sso = context.HttpContext.RequestServices.GetRequiredService<IOptions<SingleSignOnOptions>>().Value;
        var log = context.HttpContext.RequestServices.GetRequiredService<SecurityLog>();
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var provided = context.Principal!;
        var subject = provided.FindFirstValue("sub") ?? string.Empty;
        var name = provided.FindFirstValue(sso.NameClaim) ?? provided.FindFirstValue("preferred_username") ?? subject;
        var region = await grains.GetGrain<IRegistryGrain>(0).GetRegion();
        var counties = provided.FindAll(sso.CountiesClaim)
            .SelectMany(claim => claim.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToImmutableArray();

        var problem = !RoleNames.TryParse(provided.FindFirstValue(sso.RoleClaim), RoleNames.People, out var role)
            ? $"统一身份认证未授予看板角色（{sso.RoleClaim}）"
            : region is null || counties.Any(code => !region.Contains(code))
                ? $"统一身份认证给出的区县（{sso.CountiesClaim}）不在登记册中"
                : null;
        await log.Record(context.HttpContext, "signin.sso", $"统一身份 {name} ({subject})", succeeded: problem is null, problem, actor: $"{name} ({subject})");
        if (problem is not null)
        {
            context.Fail(problem);
            return;
        }

        context.Principal = new ClaimsPrincipal(DashboardClaims.ForSingleSignOn(subject, name, role!.Value, counties, CookieSessions.Scheme));
        context.Properties!.IsPersistent = false;
    }
}
