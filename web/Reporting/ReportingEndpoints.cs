using System.Collections.Immutable;
using System.Security.Claims;
using Dashboard.Contracts.Access;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Web.Access;
using Dashboard.Web.Registry;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Reporting;

/// <summary>
/// 机构填报: every institution can have one reporting link, a credential that writes only that
/// institution's events (through POST /api/v1/events) and reads only its figures. Admins issue,
/// reissue and revoke links for the institutions of their counties.
/// </summary>
public static class ReportingEndpoints
{
    public const string PagePath = "/report";

    public static void AddReporting(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<ReportingOptions>()
            .Bind(configuration.GetSection(ReportingOptions.Section))
            .Validate(options => options.PublicBaseUrl is null
                || (options.PublicBaseUrl.IsAbsoluteUri && options.PublicBaseUrl.Scheme is "https" or "http" && options.PublicBaseUrl.AbsolutePath.EndsWith('/')),
                "Dashboard:Reporting:PublicBaseUrl must be an absolute http(s) address ending in '/'")
            .ValidateOnStart();

    public static void MapReporting(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reporting/institution", GetOwn).WithTags("Reporting").RequireAuthorization(Policies.Report)
            .WithSummary("The reporting link's own institution: its figures now");
        var admin = app.MapGroup("/api/v1/admin/reporting").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("", List).WithSummary("Every institution of the caller's counties, its reporting link if it has one, and when it last reported");
        admin.MapPost("/{id}", Issue).WithSummary("Issue an institution's reporting link (a reissue revokes the one before); its address and QR code are shown once");
        admin.MapDelete("/{id}", Revoke).WithSummary("Revoke an institution's reporting link; the phone is refused from its next entry");
    }

    private static async Task<Results<Ok<ReportingView>, ProblemHttpResult>> GetOwn(ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var id = user.Scope().Institution!;
        var region = await grains.GetGrain<IRegistryGrain>(0).GetRegion();
        return region is null ? SnapshotEndpoints.RegistryNotLoaded()
            : await grains.GetGrain<IInstitutionGrain>(id).GetTotals() is { Active: true } totals
                ? TypedResults.Ok(new ReportingView(InstitutionSnapshot.From(totals, clock.GetUtcNow()), region.ScopeName(totals.Info.CountyCode)))
                : TypedResults.Problem($"机构 {id} 已不在登记册中，请联系民政局管理员", statusCode: StatusCodes.Status404NotFound, title: "机构已注销");
    }

    private static async Task<Results<Ok<ReportingLink[]>, ProblemHttpResult>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var credentials = grains.GetGrain<ICredentialsGrain>(0);
        var links = (await credentials.List()).Where(credential => credential.Kind == CredentialKind.Reporting).ToLookup(credential => credential.Institution!);
        var lastReports = await credentials.LastReports();
        var counties = await Task.WhenAll(region.ScopeCodes.Where(user.Scope().Allows).Select(code => grains.GetGrain<ICountyGrain>(code).GetSnapshot()));
        return TypedResults.Ok(counties.SelectMany(county => county.Institutions.Where(institution => institution.Active).Select(institution =>
        {
            var active = links[institution.Id].FirstOrDefault(link => link.IsActive);
            var last = links[institution.Id].Select(link => lastReports.TryGetValue(link.Id, out var at) ? at : (DateTimeOffset?)null).Max();
            return new ReportingLink(institution.Id, institution.Name, institution.KindName, county.Code, region.ScopeName(county.Code),
                active?.Id, active?.CreatedAt, active?.CreatedBy, last);
        })).ToArray());
    }

    private static async Task<Results<Created<IssuedReportingLink>, ProblemHttpResult>> Issue(
        string id, HttpContext context, IGrainFactory grains, CredentialLookup lookup, SecurityLog log, TimeProvider clock, IOptions<ReportingOptions> options)
    {
        if (await InstitutionInScope(id, context.User, grains) is not { } found)
        {
            return SnapshotEndpoints.UnknownInstitution(id);
        }

        foreach (var previous in await ActiveLinks(id, grains))
        {
            await CredentialEndpoints.Revoke(previous, context, grains, lookup, log, clock);
        }

        var secret = Secrets.New(Secrets.ReportingPrefix);
        var credential = await CredentialEndpoints.Issue(CredentialKind.Reporting, found.Info.Name, Role.Reporter, [found.Info.CountyCode], secret,
            context, grains, log, clock, institution: id);
        var url = new Uri(options.Value.PublicBaseUrl ?? new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/"),
            $"{PagePath.TrimStart('/')}#{secret}").AbsoluteUri;
        return TypedResults.Created($"/api/v1/admin/reporting/{id}",
            new IssuedReportingLink(credential.Id, id, found.Info.Name, url, ReportingQrCode.Svg(url)));
    }

    private static async Task<Results<Ok<Credential>, ProblemHttpResult>> Revoke(
        string id, HttpContext context, IGrainFactory grains, CredentialLookup lookup, SecurityLog log, TimeProvider clock)
    {
        // A deactivated institution's link must still be revocable.
        if (await InstitutionInScope(id, context.User, grains, activeOnly: false) is null)
        {
            return SnapshotEndpoints.UnknownInstitution(id);
        }

        var active = await ActiveLinks(id, grains);
        if (active.IsEmpty)
        {
            return TypedResults.Problem($"机构 {id} 没有有效的填报链接", statusCode: StatusCodes.Status404NotFound, title: "没有填报链接");
        }

        Credential? revoked = null;
        foreach (var link in active)
        {
            revoked = await CredentialEndpoints.Revoke(link, context, grains, lookup, log, clock);
        }

        return TypedResults.Ok(revoked!);
    }

    /// <summary>
    /// An institution (active, unless asked otherwise) of the caller's counties; anything else looks unknown, so a county admin
    /// learns nothing of other counties. A malformed id is refused before any grain is activated for it.
    /// </summary>
    private static async Task<InstitutionTotals?> InstitutionInScope(string id, ClaimsPrincipal user, IGrainFactory grains, bool activeOnly = true) =>
        RegistryEntry.IdProblem(id) is null && await grains.GetGrain<IInstitutionGrain>(id).GetTotals() is { } totals
        && (totals.Active || !activeOnly) && user.Scope().Allows(totals.Info.CountyCode)
            ? totals
            : null;

    private static async Task<ImmutableArray<Credential>> ActiveLinks(string id, IGrainFactory grains) =>
        [.. (await grains.GetGrain<ICredentialsGrain>(0).List()).Where(credential => credential.Kind == CredentialKind.Reporting && credential.IsActive && credential.Institution == id)];
}
