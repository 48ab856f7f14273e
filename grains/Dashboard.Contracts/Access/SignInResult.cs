namespace Dashboard.Contracts.Access;

[GenerateSerializer, Alias("dashboard.sign-in-result")]
public enum SignInResult
{
    SignedIn,
    WrongPassword,
    LockedOut,
}
