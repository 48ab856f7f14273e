using System.Collections.Immutable;

namespace Dashboard.Contracts.Access;

/// <summary>
/// The people who sign in (one grain, key 0). Passwords are hashed and checked by the web node; the
/// grain keeps the hashes, counts failures and locks an account out.
/// </summary>
public interface IAccountsGrain : IGrainWithIntegerKey
{
    /// <summary>Whether an active administrator exists; until one does, the first-admin setup link works.</summary>
    [AlwaysInterleave]
    Task<bool> HasAdmin();

    /// <summary>The active user with this login, or null.</summary>
    [AlwaysInterleave]
    Task<StoredUser?> Get(string login);

    [AlwaysInterleave]
    Task<ImmutableArray<UserAccount>> List();

    /// <summary>Adds the first administrator, only while there is no active one. Returns whether it did.</summary>
    Task<bool> AddFirstAdmin(StoredUser user);

    /// <summary>Adds a user; false when the login is taken.</summary>
    Task<bool> Add(StoredUser user);

    /// <summary>Replaces role, counties, display name or password (null leaves it); a new stamp ends older sessions.</summary>
    Task<UserAccount?> Update(string login, UserChange change);

    /// <summary>Disables the user for good; their sessions end. Null when there is no such active user.</summary>
    Task<UserAccount?> Disable(string login, DateTimeOffset at);

    /// <summary>
    /// Records a sign-in attempt whose password the web node checked. Too many failures in a row lock
    /// the account until <paramref name="lockoutEnds"/>; while locked, even the right password fails.
    /// </summary>
    Task<SignInResult> RecordSignIn(string login, bool passwordMatched, DateTimeOffset at, int maxFailures, DateTimeOffset lockoutEnds);
}
