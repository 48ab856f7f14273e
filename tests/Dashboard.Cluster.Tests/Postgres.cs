using Dashboard.Testing;

namespace Dashboard.Cluster.Tests;

/// <summary>One PostgreSQL server for the whole test run; each test takes a database of its own.</summary>
public sealed class Postgres : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.Start();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<Postgres>
{
    public const string Name = "PostgreSQL";
}
