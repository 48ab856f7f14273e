using System.Collections.Concurrent;
using System.Security.Claims;
using Dashboard.Contracts.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>
/// Credentials and users as this node last saw them. Every request needs one, so a node asks the
/// grains at most once per <see cref="AuthOptions.RevocationCheck"/> per credential; a revocation
/// made through this node takes effect here at once and on other nodes within that time. Only
/// what exists is remembered: a flood of made-up keys fills nothing.
/// </summary>
public sealed class CredentialLookup(IGrainFactory grains, TimeProvider clock, IOptions<AuthOptions> options)
{
    /// <summary>
    /// By the secret itself: hashing it on every request would cost more than the rest of
    /// authentication. The key's principal and authentication result are kept with it, so a request
    /// builds neither claims nor a ticket.
    /// </summary>
    private readonly ConcurrentDictionary<string, (Credential Credential, AuthenticateResult Result, DateTimeOffset Until)> bySecret = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (Credential? Value, DateTimeOffset Until)> byId = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (StoredUser? Value, DateTimeOffset Until)> byLogin = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Credential?> FindBySecret(string secret) => (await Authenticate(secret))?.Credential;

    /// <summary>The active credential with this secret and the authentication its requests share, or null.</summary>
    public async Task<(Credential Credential, AuthenticateResult Result)?> Authenticate(string secret)
    {
        var now = clock.GetUtcNow();
        if (bySecret.TryGetValue(secret, out var known) && known.Until > now)
        {
            return (known.Credential, known.Result);
        }

        var credential = await grains.GetGrain<ICredentialsGrain>(0).Find(Secrets.Hash(secret));
        if (credential is null)
        {
            bySecret.TryRemove(secret, out _);
            return null;
        }

        var result = AuthenticateResult.Success(new AuthenticationTicket(new CallerPrincipal(credential, ApiKeyHandler.SchemeName), ApiKeyHandler.SchemeName));
        bySecret[secret] = (credential, result, now + options.Value.RevocationCheck);
        return (credential, result);
    }

    /// <summary>The active credential with this id (a wall's cookie names its display), or null.</summary>
    public Task<Credential?> Find(string id) => Remembered(byId, id, () => grains.GetGrain<ICredentialsGrain>(0).Get(id));

    /// <summary>The active user with this login, or null.</summary>
    public Task<StoredUser?> FindUser(string login) => Remembered(byLogin, login, () => grains.GetGrain<IAccountsGrain>(0).Get(login));

    /// <summary>Whether the person, key or display behind a session still exists unchanged: not revoked, disabled or re-roled.</summary>
    public async Task<bool> StillValid(ClaimsPrincipal user)
    {
        var subject = user.SubjectOf() ?? string.Empty;
        return user.KindOf() switch
        {
            DashboardClaims.UserKind => (await FindUser(subject))?.Stamp is { } stamp && stamp == user.FindFirst(DashboardClaims.Stamp)?.Value,
            DashboardClaims.KeyKind or DashboardClaims.DisplayKind or DashboardClaims.ReportingKind => await Find(subject) is not null,
            // The provider vouched at sign-in; the session lasts until the idle timeout.
            DashboardClaims.SingleSignOnKind => true,
            _ => false,
        };
    }

    /// <summary>After a change made through this node: the next lookup asks the grain.</summary>
    public void Forget(Credential credential)
    {
        byId.TryRemove(credential.Id, out _);
        foreach (var (secret, entry) in bySecret)
        {
            if (entry.Credential.Id == credential.Id)
            {
                bySecret.TryRemove(secret, out _);
            }
        }
    }

    public void ForgetUser(string login) => byLogin.TryRemove(login, out _);

    /// <summary>A null is remembered only for what was seen before (a revocation), so made-up ids fill nothing.</summary>
    private async Task<T?> Remembered<T>(ConcurrentDictionary<string, (T? Value, DateTimeOffset Until)> cache, string key, Func<Task<T?>> load)
        where T : class
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out var known) && known.Until > now)
        {
            return known.Value;
        }

        var value = await load();
        if (value is not null || cache.ContainsKey(key))
        {
            cache[key] = (value, now + options.Value.RevocationCheck);
        }

        return value;
    }
}
