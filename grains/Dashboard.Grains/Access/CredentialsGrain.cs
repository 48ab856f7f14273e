using System.Collections.Immutable;
using Dashboard.Contracts.Access;
using Dashboard.Grains.Storage;

namespace Dashboard.Grains.Access;

public sealed class CredentialsGrain(
    [PersistentState("credentials", StorageNames.Dashboard)] IPersistentState<CredentialsState> state) : Grain, ICredentialsGrain
{
    /// <summary>How finely a reporting link's last entry is kept: an admin asks "today or last week?", not the second.</summary>
    private static readonly TimeSpan ReportResolution = TimeSpan.FromMinutes(1);

    private Dictionary<string, string>? idsByHash;

    public Task<Credential?> Find(string secretHash)
    {
        idsByHash ??= state.State.SecretHashes.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
        return idsByHash.TryGetValue(secretHash, out var id) ? Get(id) : Task.FromResult<Credential?>(null);
    }

    public Task<Credential?> Get(string id) =>
        Task.FromResult(state.State.Credentials.FirstOrDefault(credential => credential.Id == id && credential.IsActive));

    public Task<ImmutableArray<Credential>> List() => Task.FromResult(state.State.Credentials);

    public async Task<bool> AddBootstrapKey(Credential credential, string secretHash)
    {
        if (!state.State.Credentials.IsEmpty)
        {
            return false;
        }

        await Add(credential, secretHash);
        return true;
    }

    public async Task Add(Credential credential, string secretHash)
    {
        state.State.Credentials = state.State.Credentials.Add(credential);
        state.State.SecretHashes = state.State.SecretHashes.SetItem(credential.Id, secretHash);
        idsByHash = null;
        await state.WriteOrDeactivate(this.DeactivateOnIdle);
    }

    public async Task<Credential?> Revoke(string id, string by, DateTimeOffset at)
    {
        var index = state.State.Credentials.Select(credential => credential.Id).ToList().IndexOf(id);
        if (index < 0)
        {
            return null;
        }

        var credential = state.State.Credentials[index];
        if (!credential.IsActive)
        {
            return credential;
        }

        var revoked = credential with { RevokedAt = at, RevokedBy = by };
        state.State.Credentials = state.State.Credentials.SetItem(index, revoked);
        await state.WriteOrDeactivate(this.DeactivateOnIdle);
        return revoked;
    }

    public async Task Reported(string id, DateTimeOffset at)
    {
        var last = state.State.LastReports.GetValueOrDefault(id);
        if (at - last < ReportResolution)
        {
            return;
        }

        state.State.LastReports = state.State.LastReports.SetItem(id, at);
        await state.WriteOrDeactivate(this.DeactivateOnIdle);
    }

    public Task<ImmutableDictionary<string, DateTimeOffset>> LastReports() => Task.FromResult(state.State.LastReports);
}
