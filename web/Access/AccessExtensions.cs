using System.Globalization;
using System.Threading.RateLimiting;
using Dashboard.Web.Push;
using Microsoft.AspNetCore.Authentication;

namespace Dashboard.Web.Access;

/// <summary>Who may call what: authentication (keys, cookies), the role policies, rate limits and the browser protections.</summary>
public static class AccessExtensions
{
    public static void AddDashboardAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .Validate(options => options.BootstrapKey is null or "" || options.BootstrapKey.Length >= AuthOptions.MinBootstrapKeyLength,
                $"Dashboard:Auth:BootstrapKey must be at least {AuthOptions.MinBootstrapKeyLength} characters")
            .Validate(options => options.IdleTimeout > TimeSpan.Zero && options.DisplayLifetime > TimeSpan.Zero && options.RevocationCheck > TimeSpan.Zero
                && options.ConnectionCheck > TimeSpan.Zero && options.Lockout > TimeSpan.Zero && options.MaxFailedSignIns > 0 && options.MinPasswordLength >= 8,
                "Dashboard:Auth: times must be positive, MaxFailedSignIns at least 1 and MinPasswordLength at least 8")
            .Validate(options => options.RateLimits is { RequestsPerSecond: > 0, Burst: >= 0, AnonymousPerSecond: > 0, SignInsPerMinute: > 0, HubCallsPerSecond: > 0 },
                "Dashboard:Auth:RateLimits: every rate must be at least 1 and Burst not negative")
            .ValidateOnStart();

        services.AddSingleton<CredentialLookup>();
        services.AddSingleton<SecurityLog>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<FirstAdminSetup>();
        services.AddSingleton<CookieSessions>();
        services.AddHostedService<AccessStartup>();
        services.AddSingleton<ConnectionGuard>();
        services.AddHostedService(provider => provider.GetRequiredService<ConnectionGuard>());

        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        var sso = builder.Configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new();
        services.AddOptions<SingleSignOnOptions>().Bind(builder.Configuration.GetSection(SingleSignOnOptions.Section))
            .Validate(options => !options.IsEnabled || !string.IsNullOrWhiteSpace(options.ClientId), "Dashboard:Auth:Oidc:ClientId is required with an Authority")
            .ValidateOnStart();
        // A request that carries a key is judged by it alone, in one step (the machines' hot path);
        // any other request is handed to the session cookie.
        services.AddAuthentication(ApiKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, options =>
                options.ForwardDefaultSelector = context => ApiKeyHandler.Carries(context.Request) ? null : CookieSessions.Scheme)
            .AddCookie(CookieSessions.Scheme, options =>
            {
                options.Cookie.Name = "dashboard.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = auth.IdleTimeout;
                options.SlidingExpiration = true;
                options.LoginPath = CookieSessions.SignInPath;
                options.ReturnUrlParameter = "returnUrl";
                options.EventsType = typeof(CookieSessions);
            })
            .AddSingleSignOn(sso);

        services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in Policies.Roles)
            {
                options.AddPolicy(policy, rule => rule.RequireAuthenticatedUser().RequireRole(roles.Select(role => role.ToString())));
            }

            // Anything mapped without a policy of its own is for administrators only.
            options.FallbackPolicy = options.GetPolicy(Policies.Admin);
        });
        services.AddAntiforgery(options =>
        {
            options.HeaderName = "X-CSRF-TOKEN";
            options.Cookie.Name = "dashboard.csrf";
        });
        services.AddDashboardRateLimits(auth.RateLimits);
    }

    /// <summary>In order: headers, who is calling, wall sign-in, rate limits, what they may do, then cross-site protection.</summary>
    public static void UseDashboardAccess(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseAuthentication();
        app.UseMiddleware<DisplaySignIn>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<CookieWriteProtection>();
    }

    public static void MapAccess(this IEndpointRouteBuilder app)
    {
        app.MapSignIn();
        app.MapSingleSignOn();
        app.MapCredentials();
        app.MapUsers();
        app.MapSecurityAudit();
    }

    private static void AddDashboardRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        // The factories are made once: every request asks for its partition, and a lambda written in
        // the call would allocate a closure each time.
        Func<string, RateLimiter> callerBucket = _ => new TokenBucketRateLimiter(Bucket(limits.RequestsPerSecond, limits.Burst));
        Func<string, RateLimiter> addressBucket = _ => new TokenBucketRateLimiter(Bucket(limits.AnonymousPerSecond, limits.AnonymousPerSecond * 2));
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.RateLimitPartition() is { } caller
                    ? RateLimitPartition.Get(caller, callerBucket)
                    : RateLimitPartition.Get($"address:{context.Connection.RemoteIpAddress}", addressBucket));
            options.AddPolicy(SignInEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "请求过于频繁", $"请在 {retryAfter} 秒后重试");
            };
        });
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = Math.Max(burst, perSecond),
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
