namespace Dashboard.Contracts.Access;

[GenerateSerializer, Alias("dashboard.credential-kind")]
public enum CredentialKind
{
    /// <summary>Sent by a machine in a header on every request.</summary>
    ApiKey,

    /// <summary>Opened once by a wall, which then holds a long-lived read-only cookie.</summary>
    Display,

    /// <summary>An institution's reporting link: a clerk's phone sends it with every entry; it reaches only that institution.</summary>
    Reporting,
}
