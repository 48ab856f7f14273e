using System.Collections.Concurrent;
using System.Security.Claims;
using Dashboard.Contracts.Access;
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
    private readonly ConcurrentDictionary<string, (Credential Credential, DateTimeOffset Until)> bySecretHash = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (Credential? Credential, DateTimeOffset Until)> byId = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (StoredUser? User, DateTimeOffset Until)> byLogin = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Credential?> FindBySecret(string secret)
    {
        var hash = Secrets.Hash(secret);
        var now = clock.GetUtcNow();
        if (bySecretHash.TryGetValue(hash, out var known) && known.Until > now)
        {
            return known.Credential;
        }

        var credential = await grains.GetGrain<ICredentialsGrain>(0).Find(hash);
        if (credential is null)
        {
            bySecretHash.TryRemove(hash, out _);
            return null;
        }

        bySecretHash[hash] = (credential, now + options.Value.RevocationCheck);
        return credential;
    }

    /// <summary>The active credential with this id (a wall's cookie names its display), or null.</summary>
    public async Task<Credential?> Find(string id)
    {
        var now = clock.GetUtcNow();
        if (byId.TryGetValue(id, out var known) && known.Until > now)
        {
            return known.Credential;
        }

        var credential = await grains.GetGrain<ICredentialsGrain>(0).Get(id);
        if (credential is not null || byId.ContainsKey(id))
        {
            byId[id] = (credential, now + options.Value.RevocationCheck);
        }

        return credential;
    }

    /// <summary>The active user with this login, or null.</summary>
    public async Task<StoredUser?> FindUser(string login)
    {
        var now = clock.GetUtcNow();
        if (byLogin.TryGetValue(login, out var known) && known.Until > now)
        {
            return known.User;
        }

        var user = await grains.GetGrain<IAccountsGrain>(0).Get(login);
        if (user is not null || byLogin.ContainsKey(login))
        {
            byLogin[login] = (user, now + options.Value.RevocationCheck);
        }

        return user;
    }

    /// <summary>Whether the person, key or display behind a session still exists unchanged: not revoked, disabled or re-roled.</summary>
    public async Task<bool> StillValid(ClaimsPrincipal user)
    {
        var subject = user.SubjectOf() ?? string.Empty;
        return user.KindOf() switch
        {
            DashboardClaims.UserKind => (await FindUser(subject))?.Stamp is { } stamp && stamp == user.FindFirst(DashboardClaims.Stamp)?.Value,
            DashboardClaims.KeyKind or DashboardClaims.DisplayKind => await Find(subject) is not null,
            _ => false,
        };
    }

    /// <summary>After a change made through this node: the next lookup asks the grain.</summary>
    public void Forget(Credential credential)
    {
        byId.TryRemove(credential.Id, out _);
        foreach (var (hash, entry) in bySecretHash)
        {
            if (entry.Credential.Id == credential.Id)
            {
                bySecretHash.TryRemove(hash, out _);
            }
        }
    }

    public void ForgetUser(string login) => byLogin.TryRemove(login, out _);
}
