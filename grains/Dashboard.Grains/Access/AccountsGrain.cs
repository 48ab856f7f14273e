using System.Collections.Immutable;
using Dashboard.Contracts.Access;
using Dashboard.Grains.Storage;

namespace Dashboard.Grains.Access;

public sealed class AccountsGrain(
    [PersistentState("accounts", StorageNames.Dashboard)] IPersistentState<AccountsState> state) : Grain, IAccountsGrain
{
    public Task<bool> HasAdmin() => Task.FromResult(HasActiveAdmin());

    public Task<StoredUser?> Get(string login) =>
        Task.FromResult(state.State.Users.TryGetValue(login, out var user) && user.Account.IsActive ? user : null);

    public Task<ImmutableArray<UserAccount>> List() =>
        Task.FromResult(state.State.Users.Values.Select(user => user.Account).OrderBy(account => account.Login, StringComparer.OrdinalIgnoreCase).ToImmutableArray());

    public async Task<bool> AddFirstAdmin(StoredUser user) => !HasActiveAdmin() && await Add(user);

    public async Task<bool> Add(StoredUser user)
    {
        if (state.State.Users.ContainsKey(user.Account.Login))
        {
            return false;
        }

        await Save(user);
        return true;
    }

    public async Task<UserAccount?> Update(string login, UserChange change)
    {
        if (await Get(login) is not { } user)
        {
            return null;
        }

        var account = user.Account with
        {
            DisplayName = change.DisplayName ?? user.Account.DisplayName,
            Role = change.Role ?? user.Account.Role,
            Counties = change.Counties ?? user.Account.Counties,
            LockedUntil = change.PasswordHash is null ? user.Account.LockedUntil : null,
        };
        await Save(new StoredUser(account, change.PasswordHash ?? user.PasswordHash, change.NewStamp,
            change.PasswordHash is null ? user.FailedSignIns : 0));
        return account;
    }

    public async Task<UserAccount?> Disable(string login, DateTimeOffset at)
    {
        if (await Get(login) is not { } user)
        {
            return null;
        }

        var disabled = user with { Account = user.Account with { DisabledAt = at }, Stamp = Guid.NewGuid().ToString("N") };
        await Save(disabled);
        return disabled.Account;
    }

    public async Task<SignInResult> RecordSignIn(string login, bool passwordMatched, DateTimeOffset at, int maxFailures, DateTimeOffset lockoutEnds)
    {
        if (await Get(login) is not { } user)
        {
            return SignInResult.WrongPassword;
        }

        if (user.Account.LockedUntil > at)
        {
            return SignInResult.LockedOut;
        }

        if (passwordMatched)
        {
            if (user.FailedSignIns > 0 || user.Account.LockedUntil is not null)
            {
                await Save(user with { FailedSignIns = 0, Account = user.Account with { LockedUntil = null } });
            }

            return SignInResult.SignedIn;
        }

        var failures = user.FailedSignIns + 1;
        var lockedOut = failures >= maxFailures;
        await Save(lockedOut
            ? user with { FailedSignIns = 0, Account = user.Account with { LockedUntil = lockoutEnds } }
            : user with { FailedSignIns = failures });
        return lockedOut ? SignInResult.LockedOut : SignInResult.WrongPassword;
    }

    private bool HasActiveAdmin() =>
        state.State.Users.Values.Any(user => user.Account.IsActive && user.Account.Role == Role.Admin);

    private Task Save(StoredUser user)
    {
        state.State.Users = state.State.Users.SetItem(user.Account.Login, user);
        return state.WriteOrDeactivate(this.DeactivateOnIdle);
    }
}
