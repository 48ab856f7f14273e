using System.Collections.Immutable;
using System.Security.Claims;
using Dashboard.Contracts.Access;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Text;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Access;

/// <summary>API keys for machines and display tokens for walls: issued (the secret shown once), listed and revoked by an admin.</summary>
public static class CredentialEndpoints
{
    private const int MaxNameLength = 64;

    public static void MapCredentials(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapPost("/keys", IssueKey).WithSummary("Issue an API key: {\"name\", \"role\" (viewer|duty|admin|ingest), \"counties\": [...]}; the key is shown once");
        admin.MapGet("/keys", (IGrainFactory grains, ClaimsPrincipal user) => List(grains, user, CredentialKind.ApiKey)).WithSummary("Every API key ever issued, without secrets");
        admin.MapDelete("/keys/{id}", (string id, HttpContext context, IGrainFactory grains, CredentialLookup lookup, SecurityLog log, TimeProvider clock) =>
            Revoke(id, CredentialKind.ApiKey, context, grains, lookup, log, clock)).WithSummary("Revoke an API key; it stops working on every node within Dashboard:Auth:RevocationCheck");
        admin.MapPost("/displays", IssueDisplay).WithSummary("Issue a wall's display token: {\"name\", \"counties\": [...]}; answers the page path the wall opens once");
        admin.MapGet("/displays", (IGrainFactory grains, ClaimsPrincipal user) => List(grains, user, CredentialKind.Display)).WithSummary("Every display token ever issued, without secrets");
        admin.MapDelete("/displays/{id}", (string id, HttpContext context, IGrainFactory grains, CredentialLookup lookup, SecurityLog log, TimeProvider clock) =>
            Revoke(id, CredentialKind.Display, context, grains, lookup, log, clock)).WithSummary("Revoke a display token; its wall goes dark within a minute and says why");
    }

    private static async Task<Results<Created<IssuedKey>, ValidationProblem, ProblemHttpResult>> IssueKey(
        KeyRequest request, HttpContext context, IGrainFactory grains, SecurityLog log, TimeProvider clock)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var errors = new Dictionary<string, string[]>();
        var counties = Check(request.Name, request.Counties, region, context.User, errors);
        if (!RoleNames.TryParse(request.Role, RoleNames.Keys, out var role))
        {
            errors["role"] = [request.Role == RoleNames.Of(Role.Reporter)
                ? "reporter 密钥随机构的填报链接签发（POST /api/v1/admin/reporting/{机构编号}）"
                : $"role 必须是 {RoleNames.All(RoleNames.Keys)} 之一"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "密钥申请无效，未签发");
        }

        var secret = Secrets.New(Secrets.KeyPrefix);
        var credential = await Issue(CredentialKind.ApiKey, request.Name!, role!.Value, counties, secret, context, grains, log, clock);
        return TypedResults.Created($"/api/v1/admin/keys/{credential.Id}", new IssuedKey(credential.Id, secret, credential.Name, RoleNames.Of(credential.Role), credential.Counties));
    }

    private static async Task<Results<Created<IssuedDisplay>, ValidationProblem, ProblemHttpResult>> IssueDisplay(
        DisplayRequest request, HttpContext context, IGrainFactory grains, SecurityLog log, TimeProvider clock)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var errors = new Dictionary<string, string[]>();
        var counties = Check(request.Name, request.Counties, region, context.User, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "显示屏申请无效，未签发");
        }

        var secret = Secrets.New(Secrets.DisplayPrefix);
        var credential = await Issue(CredentialKind.Display, request.Name!, Role.Viewer, counties, secret, context, grains, log, clock);
        var page = counties.Length == 1 && counties[0] != region.CityCode ? $"/county/{counties[0]}" : "/";
        return TypedResults.Created($"/api/v1/admin/displays/{credential.Id}",
            new IssuedDisplay(credential.Id, secret, $"{page}?{DisplaySignIn.Query}={secret}", credential.Name, credential.Counties));
    }

    private static ImmutableArray<string> Check(string? name, string[]? counties, Region region, ClaimsPrincipal user, Dictionary<string, string[]> errors)
    {
        if (SafeText.CheckName(name, "名称", MaxNameLength) is { } problem)
        {
            errors["name"] = [problem];
        }

        return ScopeRequest.Check(counties, region, user.Scope(), errors);
    }

    /// <summary>Stores a new credential for the secret (as its hash) and records who issued it.</summary>
    public static async Task<Credential> Issue(CredentialKind kind, string name, Role role, ImmutableArray<string> counties, string secret,
        HttpContext context, IGrainFactory grains, SecurityLog log, TimeProvider clock, string? institution = null)
    {
        var credential = new Credential(Secrets.NewId(), kind, name.Trim(), role, counties, clock.GetUtcNow(), context.User.Actor(), Institution: institution);
        await grains.GetGrain<ICredentialsGrain>(0).Add(credential, Secrets.Hash(secret));
        await log.Record(context, $"{AuditName(kind)}.issue", Describe(credential));
        return credential;
    }

    /// <summary>Revokes it everywhere (this node at once, the others within the revocation check) and records who did.</summary>
    public static async Task<Credential> Revoke(Credential credential, HttpContext context, IGrainFactory grains, CredentialLookup lookup, SecurityLog log, TimeProvider clock)
    {
        var revoked = (await grains.GetGrain<ICredentialsGrain>(0).Revoke(credential.Id, context.User.Actor(), clock.GetUtcNow()))!;
        lookup.Forget(revoked);
        await log.Record(context, $"{AuditName(credential.Kind)}.revoke", Describe(revoked));
        return revoked;
    }

    private static async Task<Ok<Credential[]>> List(IGrainFactory grains, ClaimsPrincipal user, CredentialKind kind)
    {
        var scope = user.Scope();
        var all = await grains.GetGrain<ICredentialsGrain>(0).List();
        return TypedResults.Ok(all.Where(credential => credential.Kind == kind && (scope.IsCityWide || credential.Counties.Any(scope.Allows))).ToArray());
    }

    private static async Task<Results<Ok<Credential>, ProblemHttpResult>> Revoke(string id, CredentialKind kind, HttpContext context,
        IGrainFactory grains, CredentialLookup lookup, SecurityLog log, TimeProvider clock)
    {
        var scope = context.User.Scope();
        var existing = (await grains.GetGrain<ICredentialsGrain>(0).List()).FirstOrDefault(credential => credential.Id == id && credential.Kind == kind);
        if (existing is null || !(scope.IsCityWide || (!existing.Counties.IsEmpty && existing.Counties.All(scope.Allows))))
        {
            return TypedResults.Problem($"没有编号为 {id} 的{Noun(kind)}", statusCode: StatusCodes.Status404NotFound, title: $"未知{Noun(kind)}");
        }

        return TypedResults.Ok(await Revoke(existing, context, grains, lookup, log, clock));
    }

    private static string Noun(CredentialKind kind) => kind switch
    {
        CredentialKind.Display => "显示屏令牌",
        CredentialKind.Reporting => "填报链接",
        _ => "API 密钥",
    };

    private static string AuditName(CredentialKind kind) => kind switch
    {
        CredentialKind.Display => "display",
        CredentialKind.Reporting => "reporting",
        _ => "key",
    };

    private static string Describe(Credential credential) =>
        $"{Noun(credential.Kind)} {credential.Name} ({credential.Id}), {RoleNames.Of(credential.Role)}, {(credential.Counties.IsEmpty ? "全市" : string.Join(",", credential.Counties))}"
        + (credential.Institution is null ? string.Empty : $", 机构 {credential.Institution}");
}
