namespace Dashboard.Web.Access;

/// <summary>POST /api/v1/admin/displays: a wall's name and, for a county's wall, its counties.</summary>
public sealed record DisplayRequest(string? Name, string[]? Counties);
