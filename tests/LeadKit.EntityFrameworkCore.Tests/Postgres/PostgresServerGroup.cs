using LeadKit.Testing.Postgres;

namespace LeadKit.EntityFrameworkCore.Tests.Postgres;

/// <summary>One PostgreSQL server for the whole run, shared by every class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
