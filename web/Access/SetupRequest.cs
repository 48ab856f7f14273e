namespace Dashboard.Web.Access;

/// <summary>The first administrator, created with the one-time link the console printed.</summary>
public sealed record SetupRequest(string? Token, string? Login, string? DisplayName, string? Password);
