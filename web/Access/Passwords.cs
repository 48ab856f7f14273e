using Dashboard.Contracts.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>ASP.NET Core's PasswordHasher (PBKDF2 with a salt per password) and the bureau's password rules.</summary>
public sealed class Passwords(IOptions<AuthOptions> options)
{
    private const int MaxLength = 128;

    private readonly PasswordHasher<string> hasher = new();

    public string Hash(string login, string password) => hasher.HashPassword(login, password);

    public bool Matches(StoredUser user, string password) =>
        hasher.VerifyHashedPassword(user.Account.Login, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>The reason a password is refused, in Chinese, or null.</summary>
    public string? Problem(string login, string? password)
    {
        var minLength = options.Value.MinPasswordLength;
        if (string.IsNullOrEmpty(password) || password.Length < minLength || password.Length > MaxLength)
        {
            return $"密码长度必须在 {minLength} 到 {MaxLength} 个字符之间";
        }

        if (password.Contains(login, StringComparison.OrdinalIgnoreCase))
        {
            return "密码不能包含用户名";
        }

        return password.Distinct().Count() < 4 ? "密码过于简单：至少要有 4 个不同的字符" : null;
    }
}
