using System.Collections.Immutable;

namespace Dashboard.Contracts.Access;

/// <summary>
/// The API keys and display tokens of the deployment (one grain, key 0). Secrets arrive already
/// hashed: the grain never sees one, and neither does storage.
/// </summary>
public interface ICredentialsGrain : IGrainWithIntegerKey
{
    /// <summary>The active credential whose secret has this hash, or null.</summary>
    [AlwaysInterleave]
    Task<Credential?> Find(string secretHash);

    /// <summary>The active credential with this id, or null (revoked or unknown).</summary>
    [AlwaysInterleave]
    Task<Credential?> Get(string id);

    [AlwaysInterleave]
    Task<ImmutableArray<Credential>> List();

    /// <summary>
    /// Registers the deployment's bootstrap key as a city-wide admin key, only while no credential
    /// was ever issued. Returns whether it did.
    /// </summary>
    Task<bool> AddBootstrapKey(Credential credential, string secretHash);

    Task Add(Credential credential, string secretHash);

    /// <summary>Revokes the credential; null when there is no such credential. Revoking twice changes nothing.</summary>
    Task<Credential?> Revoke(string id, string by, DateTimeOffset at);

    /// <summary>
    /// A reporting link's entries were accepted at this time. Kept to the minute: a clerk's burst of
    /// entries writes once.
    /// </summary>
    Task Reported(string id, DateTimeOffset at);

    /// <summary>When each reporting link last had an entry accepted, by credential id.</summary>
    [AlwaysInterleave]
    Task<ImmutableDictionary<string, DateTimeOffset>> LastReports();
}
