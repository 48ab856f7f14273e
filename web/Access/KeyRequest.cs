namespace Dashboard.Web.Access;

/// <summary>POST /api/v1/admin/keys: a name, a role and, for a county bureau's source, its counties.</summary>
public sealed record KeyRequest(string? Name, string? Role, string[]? Counties);
