namespace Dashboard.Web.Access;

/// <summary>
/// Dashboard:Auth:Oidc — the bureau's single sign-on (OpenID Connect, authorization code flow with
/// PKCE), beside local accounts or instead of them. Off while Authority is empty.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Dashboard:Auth:Oidc";

    /// <summary>The provider's issuer address; its /.well-known/openid-configuration is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The sign-in button's text.</summary>
    public string DisplayName { get; set; } = "统一身份认证登录";

    /// <summary>The claim that names the role: viewer, duty or admin. A person without one is refused.</summary>
    public string RoleClaim { get; set; } = "dashboard_role";

    /// <summary>The claim (repeated, or one value separated by spaces or commas) naming the counties; none means city-wide.</summary>
    public string CountiesClaim { get; set; } = "dashboard_counties";

    /// <summary>The claim shown as the person's name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>False: people sign in only through the provider, and local passwords are refused.</summary>
    public bool LocalAccounts { get; set; } = true;

    /// <summary>Only for a provider on a trusted network without TLS (tests, a lab).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}
