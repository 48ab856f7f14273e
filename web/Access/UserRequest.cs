namespace Dashboard.Web.Access;

/// <summary>POST /api/v1/admin/users, and PUT /api/v1/admin/users/{login} where every field is optional.</summary>
public sealed record UserRequest(string? Login, string? DisplayName, string? Role, string[]? Counties, string? Password);
