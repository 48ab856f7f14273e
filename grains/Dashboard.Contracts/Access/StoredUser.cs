namespace Dashboard.Contracts.Access;

/// <summary>
/// A user with what signing in needs: the password hash (ASP.NET Core's PasswordHasher format) and a
/// stamp that changes with the password, role or counties, so that older sessions end.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.stored-user")]
public sealed record StoredUser(
    [property: Id(0)] UserAccount Account,
    [property: Id(1)] string PasswordHash,
    [property: Id(2)] string Stamp,
    [property: Id(3)] int FailedSignIns = 0);
