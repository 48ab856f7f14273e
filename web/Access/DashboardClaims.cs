using System.Collections.Immutable;
using System.Security.Claims;
using Dashboard.Contracts.Access;

namespace Dashboard.Web.Access;

/// <summary>What the service knows of whoever calls it, as claims, and how to read them back.</summary>
public static class DashboardClaims
{
    /// <summary>A county the caller is limited to; none at all means city-wide.</summary>
    public const string County = "dashboard:county";

    /// <summary>The one institution a reporting link reaches.</summary>
    public const string Institution = "dashboard:institution";

    /// <summary>user, sso, key, display or reporting.</summary>
    public const string Kind = "dashboard:kind";

    /// <summary>The credential id of a key or display; the login of a user.</summary>
    public const string Subject = "dashboard:subject";

    /// <summary>A user's stamp: a changed password, role or counties ends older sessions.</summary>
    public const string Stamp = "dashboard:stamp";

    public const string UserKind = "user";
    public const string SingleSignOnKind = "sso";
    public const string KeyKind = "key";
    public const string DisplayKind = "display";
    public const string ReportingKind = "reporting";

    public static ClaimsIdentity For(Credential credential, string authenticationType)
    {
        var identity = Identity(authenticationType, KindOf(credential), credential.Id, credential.Name, credential.Role, credential.Counties, stamp: null);
        if (credential.Institution is not null)
        {
            identity.AddClaim(new Claim(Institution, credential.Institution));
        }

        return identity;
    }

    public static string KindOf(Credential credential) => credential.Kind switch
    {
        CredentialKind.Display => DisplayKind,
        CredentialKind.Reporting => ReportingKind,
        _ => KeyKind,
    };

    public static ClaimsIdentity For(StoredUser user, string authenticationType) =>
        Identity(authenticationType, UserKind, user.Account.Login, user.Account.DisplayName, user.Account.Role, user.Account.Counties, user.Stamp);

    /// <summary>A person the bureau's identity provider vouched for; subject is the provider's "sub".</summary>
    public static ClaimsIdentity ForSingleSignOn(string subject, string name, Role role, ImmutableArray<string> counties, string authenticationType) =>
        Identity(authenticationType, SingleSignOnKind, subject, name, role, counties, stamp: null);

    private static ClaimsIdentity Identity(string authenticationType, string kind, string subject, string name, Role role, ImmutableArray<string> counties, string? stamp)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(ClaimTypes.Role, role.ToString()),
            new(Kind, kind),
            new(Subject, subject),
        };
        claims.AddRange(counties.Select(county => new Claim(County, county)));
        if (stamp is not null)
        {
            claims.Add(new Claim(Stamp, stamp));
        }

        return new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role);
    }

    public static AccessScope Scope(this ClaimsPrincipal user) =>
        user is CallerPrincipal caller ? caller.Scope : new([.. user.FindAll(County).Select(claim => claim.Value)], user.FindFirstValue(Institution));

    public static string? KindOf(this ClaimsPrincipal user) => user is CallerPrincipal caller ? caller.Kind : user.FindFirstValue(Kind);

    public static string? SubjectOf(this ClaimsPrincipal user) => user is CallerPrincipal caller ? caller.Subject : user.FindFirstValue(Subject);

    /// <summary>Whose rate limit a request counts against, or null for an anonymous caller (limited by address).</summary>
    public static string? RateLimitPartition(this ClaimsPrincipal user) =>
        user is CallerPrincipal caller ? caller.RateLimitPartition : user.SubjectOf() is { } subject ? $"{user.KindOf()}:{subject}" : null;

    /// <summary>
    /// Who did it, for audit trails: a person's name with their login, or a key's or display's name
    /// with its id. Never a secret, and never what a client typed into a form.
    /// </summary>
    public static string Actor(this ClaimsPrincipal user) => user.KindOf() switch
    {
        UserKind => $"{user.Identity!.Name} ({user.SubjectOf()})",
        SingleSignOnKind => $"{user.Identity!.Name} (统一身份 {user.SubjectOf()})",
        KeyKind => $"密钥 {user.Identity!.Name} ({user.SubjectOf()})",
        DisplayKind => $"显示屏 {user.Identity!.Name} ({user.SubjectOf()})",
        ReportingKind => $"填报链接 {user.Identity!.Name} ({user.SubjectOf()})",
        _ => "匿名",
    };
}
