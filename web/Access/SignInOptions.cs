namespace Dashboard.Web.Access;

/// <summary>GET /api/v1/auth/options: whether local accounts sign in here, and the single sign-on button's text (null without one).</summary>
public sealed record SignInOptions(bool LocalAccounts, string? SingleSignOn);
