using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Routing;

/// <summary>Tells who owns an existing customer account; supplied by the application (a CRM, a database) for account-ownership routing.</summary>
/// <remarks>Implementations must be thread-safe. The router looks the owner up once per lead, before deciding.</remarks>
public interface IAccountOwnerDirectory
{
    /// <summary>Looks up the owner of an account.</summary>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The owning rep, or <see langword="null"/> when the account has no owner.</returns>
    ValueTask<SalesRepId?> GetOwnerAsync(AccountId account, CancellationToken cancellationToken = default);
}
