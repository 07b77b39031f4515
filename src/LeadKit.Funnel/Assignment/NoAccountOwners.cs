using LeadKit.Abstractions.Assignment;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Funnel.Assignment;

/// <summary>An account-owner directory that knows no accounts; used only to validate a JSON plan's structure at start-up.</summary>
internal sealed class NoAccountOwners : IAccountOwnerDirectory
{
    public static NoAccountOwners Instance { get; } = new();

    public bool TryGetOwner(AccountId account, out SalesRepId owner)
    {
        owner = default;
        return false;
    }
}
