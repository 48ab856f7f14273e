using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Dashboard.Contracts.Access;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Text;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Access;

/// <summary>The people who sign in, managed by an admin: created with a role, counties and a first password, changed, disabled.</summary>
public static partial class UserEndpoints
{
    private const int MaxDisplayNameLength = 32;

    private const string PersonRoleProblem = "role 必须是 viewer、duty 或 admin 之一";

    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/admin/users").WithTags("Administration").RequireAuthorization(Policies.Admin);
        users.MapPost("/", Add).WithSummary("Add a person: {\"login\", \"displayName\", \"role\", \"counties\": [...], \"password\"}");
        users.MapGet("/", List).WithSummary("Every user, disabled ones included; never a password hash");
        users.MapPut("/{login}", Update).WithSummary("Change a user's display name, role, counties or password; their open sessions end");
        users.MapDelete("/{login}", Disable).WithSummary("Disable a user for good; their sessions end at once on this node and within Dashboard:Auth:RevocationCheck elsewhere");
    }

    public static string? LoginProblem(string? login) =>
        login is not null && LoginPattern().IsMatch(login) ? null : "用户名须为 3 到 32 个字母、数字或 . _ -，以字母或数字开头";

    private static async Task<Results<Created<UserAccount>, ValidationProblem, ProblemHttpResult>> Add(
        UserRequest request, HttpContext context, IGrainFactory grains, Passwords passwords, SecurityLog log, TimeProvider clock)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var errors = NewPersonProblems(request.Login, request.DisplayName, request.Password, passwords);
        var counties = ScopeRequest.Check(request.Counties, region, context.User.Scope(), errors);
        if (!RoleNames.TryParse(request.Role, RoleNames.People, out var role))
        {
            errors["role"] = [request.Role == RoleNames.Of(Role.Ingest) ? "ingest 是机器来源的角色，请为它签发 API 密钥" : PersonRoleProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "用户信息无效，未创建");
        }

        var account = new UserAccount(request.Login!, request.DisplayName!.Trim(), role!.Value, counties, clock.GetUtcNow(), context.User.Actor());
        if (!await grains.GetGrain<IAccountsGrain>(0).Add(new StoredUser(account, passwords.Hash(account.Login, request.Password!), Guid.NewGuid().ToString("N"))))
        {
            return TypedResults.Problem($"用户名 {account.Login} 已被使用", statusCode: StatusCodes.Status409Conflict, title: "用户名已存在");
        }

        await log.Record(context, "user.add", Describe(account));
        return TypedResults.Created($"/api/v1/admin/users/{account.Login}", account);
    }

    /// <summary>What is wrong with a new person's login, name and password: for an admin adding a user and for the first admin.</summary>
    public static Dictionary<string, string[]> NewPersonProblems(string? login, string? displayName, string? password, Passwords passwords)
    {
        var errors = new Dictionary<string, string[]>();
        Note(errors, "login", LoginProblem(login));
        Note(errors, "displayName", SafeText.CheckName(displayName, "姓名", MaxDisplayNameLength));
        Note(errors, "password", passwords.Problem(login ?? string.Empty, password));
        return errors;
    }

    private static async Task<Ok<UserAccount[]>> List(IGrainFactory grains, ClaimsPrincipal user)
    {
        var scope = user.Scope();
        var all = await grains.GetGrain<IAccountsGrain>(0).List();
        return TypedResults.Ok(all.Where(account => scope.IsCityWide || account.Counties.Any(scope.Allows)).ToArray());
    }

    private static async Task<Results<Ok<UserAccount>, ValidationProblem, ProblemHttpResult>> Update(
        string login, UserRequest request, HttpContext context, IGrainFactory grains, Passwords passwords, CredentialLookup lookup, SecurityLog log)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        if (await Manageable(login, context.User, grains) is not { } existing)
        {
            return UnknownUser(login);
        }

        var errors = new Dictionary<string, string[]>();
        Note(errors, "displayName", SafeText.CheckName(request.DisplayName, "姓名", MaxDisplayNameLength, required: false));
        Note(errors, "password", request.Password is null ? null : passwords.Problem(login, request.Password));
        ImmutableArray<string>? counties = request.Counties is null ? null : ScopeRequest.Check(request.Counties, region, context.User.Scope(), errors);
        Role? role = null;
        if (request.Role is not null && !RoleNames.TryParse(request.Role, RoleNames.People, out role))
        {
            errors["role"] = [PersonRoleProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "用户信息无效，未作任何修改");
        }

        var change = new UserChange(request.DisplayName?.Trim(), role, counties,
            request.Password is null ? null : passwords.Hash(existing.Login, request.Password), Guid.NewGuid().ToString("N"));
        var updated = (await grains.GetGrain<IAccountsGrain>(0).Update(login, change))!;
        lookup.ForgetUser(login);
        await log.Record(context, "user.update", Describe(updated), detail: request.Password is null ? null : "密码已重设");
        return TypedResults.Ok(updated);
    }

    private static async Task<Results<Ok<UserAccount>, ProblemHttpResult>> Disable(
        string login, HttpContext context, IGrainFactory grains, CredentialLookup lookup, SecurityLog log, TimeProvider clock)
    {
        if (await Manageable(login, context.User, grains) is null)
        {
            return UnknownUser(login);
        }

        var disabled = (await grains.GetGrain<IAccountsGrain>(0).Disable(login, clock.GetUtcNow()))!;
        lookup.ForgetUser(login);
        await log.Record(context, "user.disable", Describe(disabled));
        return TypedResults.Ok(disabled);
    }

    /// <summary>An active user the caller may manage: any, for a city-wide admin; one limited to the caller's counties otherwise.</summary>
    private static async Task<UserAccount?> Manageable(string login, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var scope = caller.Scope();
        return LoginProblem(login) is null && await grains.GetGrain<IAccountsGrain>(0).Get(login) is { } user
            && (scope.IsCityWide || (!user.Account.Counties.IsEmpty && user.Account.Counties.All(scope.Allows)))
            ? user.Account
            : null;
    }

    private static ProblemHttpResult UnknownUser(string login) =>
        TypedResults.Problem($"没有用户名为 {(LoginProblem(login) is null ? login : "（无效）")} 的有效用户", statusCode: StatusCodes.Status404NotFound, title: "未知用户");

    private static void Note(Dictionary<string, string[]> errors, string field, string? problem)
    {
        if (problem is not null)
        {
            errors[field] = [problem];
        }
    }

    private static string Describe(UserAccount account) =>
        $"用户 {account.DisplayName} ({account.Login}), {RoleNames.Of(account.Role)}, {(account.Counties.IsEmpty ? "全市" : string.Join(",", account.Counties))}";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$")]
    private static partial Regex LoginPattern();
}
