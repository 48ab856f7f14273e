using System.Security.Claims;
using Dashboard.Contracts.Access;

namespace Dashboard.Web.Access;

/// <summary>
/// A key's principal, built once per credential and shared by all its requests: the kind, subject,
/// role and scope that every request reads (rate limits, policies, county checks) are fields rather
/// than searches through claims, and no claims are allocated per request. The claims stay, for
/// anything that reads them the usual way.
/// </summary>
public sealed class CallerPrincipal : ClaimsPrincipal
{
    private readonly string roleName;

    public CallerPrincipal(Credential credential, string authenticationType)
        : base(DashboardClaims.For(credential, authenticationType))
    {
        roleName = credential.Role.ToString();
        Kind = DashboardClaims.KindOf(credential);
        Subject = credential.Id;
        Scope = new AccessScope(credential.Counties, credential.Institution);
        RateLimitPartition = $"{Kind}:{Subject}";
    }

    public string Kind { get; }

    public string Subject { get; }

    public AccessScope Scope { get; }

    /// <summary>Whose rate limit a request counts against.</summary>
    public string RateLimitPartition { get; }

    public override bool IsInRole(string role) => string.Equals(role, roleName, StringComparison.Ordinal);
}
