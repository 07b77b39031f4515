using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Metrics.Inputs;

/// <summary>A customer account's life: when it became a customer and, if it left, when it churned.</summary>
/// <remarks>
/// A churn before the acquisition is a data-quality problem that the report rejects or lists, naming the record.
/// An immutable value; thread-safe.
/// </remarks>
public sealed record CustomerRecord
{
    /// <summary>Creates a customer record.</summary>
    /// <param name="id">The customer account.</param>
    /// <param name="acquiredAt">When it became a customer (first won deal).</param>
    /// <param name="churnedAt">When it stopped being a customer, or <see langword="null"/> while it still is one.</param>
    /// <exception cref="ArgumentException">The id or acquisition time is unset.</exception>
    public CustomerRecord(AccountId id, DateTimeOffset acquiredAt, DateTimeOffset? churnedAt = null)
    {
        if (id.IsDefault)
        {
            throw new ArgumentException("id must be set (was the default AccountId).", nameof(id));
        }

        if (acquiredAt == default)
        {
            throw new ArgumentException("acquiredAt must be set.", nameof(acquiredAt));
        }

        Id = id;
        AcquiredAt = acquiredAt;
        ChurnedAt = churnedAt;
    }

    /// <summary>Gets the customer account.</summary>
    public AccountId Id { get; }

    /// <summary>Gets when it became a customer.</summary>
    public DateTimeOffset AcquiredAt { get; }

    /// <summary>Gets when it churned, or <see langword="null"/> while it is still a customer.</summary>
    public DateTimeOffset? ChurnedAt { get; }
}
