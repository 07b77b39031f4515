using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;

namespace LeadKit.Routing;

/// <summary>An account-owner directory that knows no accounts; used only to validate a JSON plan's structure at start-up.</summary>
internal sealed class NoAccountOwners : IAccountOwnerDirectory
{
    public static NoAccountOwners Instance { get; } = new();

    public ValueTask<SalesRepId?> GetOwnerAsync(AccountId account, CancellationToken cancellationToken = default) => new((SalesRepId?)null);
}
