namespace Dashboard.Web.Access;

public sealed record SignInRequest(string? Login, string? Password);
