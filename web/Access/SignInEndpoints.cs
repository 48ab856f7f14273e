using System.Security.Claims;
using Dashboard.Contracts.Access;
using Dashboard.Contracts.Calendar;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>People sign in and out; the first administrator is created with the setup link; a page asks who it is signed in as.</summary>
public static class SignInEndpoints
{
    public const string RateLimitPolicy = "sign-in";

    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Sign-in");
        auth.MapGet("/options", (IOptions<SingleSignOnOptions> sso) => TypedResults.Ok(new SignInOptions(sso.Value.LocalAccounts, sso.Value.IsEnabled ? sso.Value.DisplayName : null)))
            .AllowAnonymous()
            .WithSummary("How people sign in here: with local accounts, and/or through single sign-on (the button's text)");
        auth.MapPost("/signin", SignIn).AllowAnonymous().RequireRateLimiting(RateLimitPolicy)
            .WithSummary("Sign a person in: {\"login\", \"password\"}; sets the session cookie. Locked out after repeated failures");
        auth.MapPost("/signout", SignOut).RequireAuthorization(Policies.SignedIn).WithSummary("End this browser's session (a wall's too)");
        auth.MapGet("/me", Me).RequireAuthorization(Policies.SignedIn).WithSummary("Who the caller is: name, kind, role, counties, and the antiforgery token for cookie-authenticated writes");
        auth.MapPost("/setup", Setup).AllowAnonymous().RequireRateLimiting(RateLimitPolicy)
            .WithSummary("Create the first administrator with the one-time token the console printed at start: {\"token\", \"login\", \"displayName\", \"password\"}");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, HttpContext context, IGrainFactory grains, Passwords passwords, SecurityLog log, IOptions<AuthOptions> options,
        IOptions<SingleSignOnOptions> sso, TimeProvider clock)
    {
        if (!sso.Value.LocalAccounts)
        {
            return TypedResults.Problem($"此部署只能通过“{sso.Value.DisplayName}”登录", statusCode: StatusCodes.Status403Forbidden, title: "本地账户已停用");
        }

        var login = request.Login?.Trim();
        if (UserEndpoints.LoginProblem(login) is not null || string.IsNullOrEmpty(request.Password) || request.Password.Length > 128)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["login"] = ["请填写用户名和密码"] }, title: "登录信息不完整");
        }

        var accounts = grains.GetGrain<IAccountsGrain>(0);
        var user = await accounts.Get(login!);
        var now = clock.GetUtcNow();
        var result = user is null
            ? SignInResult.WrongPassword
            : await accounts.RecordSignIn(user.Account.Login, passwords.Matches(user, request.Password), now, options.Value.MaxFailedSignIns, now + options.Value.Lockout);
        await log.Record(context, "signin", $"用户 {login}", result == SignInResult.SignedIn, result == SignInResult.SignedIn ? null : result.ToString(), actor: login);

        switch (result)
        {
            case SignInResult.LockedOut:
                var until = (await accounts.Get(user!.Account.Login))?.Account.LockedUntil ?? now + options.Value.Lockout;
                return TypedResults.Problem($"连续多次密码错误，账户已锁定至 {BureauCalendar.LocalTime(until):HH:mm}，请稍后再试或联系管理员",
                    statusCode: StatusCodes.Status403Forbidden, title: "账户已锁定");
            case SignInResult.WrongPassword:
                return TypedResults.Problem("用户名或密码错误", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
        }

        var signedIn = (await accounts.Get(user!.Account.Login))!;
        await context.SignInAsync(CookieSessions.Scheme, new ClaimsPrincipal(DashboardClaims.For(signedIn, CookieSessions.Scheme)),
            new AuthenticationProperties { IsPersistent = false });
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignOut(HttpContext context, SecurityLog log)
    {
        if (context.User.KindOf() != DashboardClaims.KeyKind)
        {
            await context.SignOutAsync(CookieSessions.Scheme);
            await log.Record(context, "signout", context.User.Actor());
        }

        return TypedResults.NoContent();
    }

    private static Ok<CurrentUser> Me(HttpContext context, IAntiforgery antiforgery)
    {
        var user = context.User;
        var csrf = user.KindOf() == DashboardClaims.KeyKind ? null : antiforgery.GetAndStoreTokens(context).RequestToken;
        var role = Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var parsed) ? RoleNames.Of(parsed) : string.Empty;
        return TypedResults.Ok(new CurrentUser(user.Identity!.Name!, user.KindOf()!, role, user.Scope().Counties, csrf));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Setup(
        SetupRequest request, HttpContext context, IGrainFactory grains, FirstAdminSetup setup, Passwords passwords, SecurityLog log, TimeProvider clock)
    {
        if (!setup.Accepts(request.Token))
        {
            await log.Record(context, "setup", "首个管理员", succeeded: false, "设置链接无效或已过期", actor: "匿名");
            return TypedResults.Problem("设置链接无效或已过期；请重启服务，使用控制台上新打印的链接", statusCode: StatusCodes.Status403Forbidden, title: "设置链接无效");
        }

        var errors = UserEndpoints.NewPersonProblems(request.Login, request.DisplayName, request.Password, passwords);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "管理员信息无效，未创建");
        }

        var account = new UserAccount(request.Login!, request.DisplayName!.Trim(), Role.Admin, [], clock.GetUtcNow(), "首次设置");
        var user = new StoredUser(account, passwords.Hash(account.Login, request.Password!), Guid.NewGuid().ToString("N"));
        if (!await grains.GetGrain<IAccountsGrain>(0).AddFirstAdmin(user))
        {
            return TypedResults.Problem("此部署已有管理员；请由管理员登录后添加用户", statusCode: StatusCodes.Status409Conflict, title: "已有管理员");
        }

        await log.Record(context, "setup", $"首个管理员 {account.DisplayName} ({account.Login})", actor: account.Login);
        await context.SignInAsync(CookieSessions.Scheme, new ClaimsPrincipal(DashboardClaims.For(user, CookieSessions.Scheme)));
        return TypedResults.NoContent();
    }
}
