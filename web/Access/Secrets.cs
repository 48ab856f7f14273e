using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Access;

/// <summary>
/// API keys, display tokens, reporting links and setup links: 256 random bits each. Being random and long, they are
/// stored as a plain SHA-256 (a slow password hash adds nothing against guessing 2^256).
/// </summary>
public static class Secrets
{
    public const string KeyPrefix = "dk_";
    public const string DisplayPrefix = "dd_";
    public const string ReportingPrefix = "dr_";

    public static string New(string prefix = "") => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(9));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
