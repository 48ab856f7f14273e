using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>
/// No default password ships. Until a deployment has an administrator, each web node holds a random
/// one-time token, prints a link with it at start, and the link creates the first administrator.
/// </summary>
public sealed class FirstAdminSetup(TimeProvider clock, IOptions<AuthOptions> options)
{
    public const string Path = "/setup";

    private readonly string token = Secrets.New();

    private readonly DateTimeOffset expires = clock.GetUtcNow() + options.Value.SetupLinkLifetime;

    public string Link => $"{Path}?token={token}";

    public bool Accepts(string? candidate) =>
        candidate is not null && clock.GetUtcNow() < expires
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(token));
}
