using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Assignment;

/// <summary>Tells who owns an existing customer account; supplied by the application (CRM) for account-ownership routing.</summary>
/// <remarks>Implementations must be thread-safe and should not allocate per call.</remarks>
public interface IAccountOwnerDirectory
{
    /// <summary>Looks up the owner of an account.</summary>
    /// <param name="account">The account.</param>
    /// <param name="owner">The owning rep when found.</param>
    /// <returns><see langword="true"/> when the account has an owner.</returns>
    bool TryGetOwner(AccountId account, out SalesRepId owner);
}
