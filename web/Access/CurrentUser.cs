using System.Collections.Immutable;

namespace Dashboard.Web.Access;

/// <summary>
/// GET /api/v1/auth/me: who the page is signed in as, and the antiforgery token its writes send in
/// the X-CSRF-TOKEN header.
/// </summary>
public sealed record CurrentUser(string Name, string Kind, string Role, ImmutableArray<string> Counties, string? CsrfToken);
