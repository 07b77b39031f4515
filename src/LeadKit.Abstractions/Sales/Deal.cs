using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Sales;

/// <summary>A deal (opportunity): its value, when it was opened and closed, and whether it was won or lost.</summary>
/// <remarks>
/// The constructor checks the whole deal: an open deal has no close date or lost reason; a won or lost deal has a
/// close date not before its open date; only a lost deal has a lost reason. Messages and <see cref="ToString"/> never
/// contain the ids (a lead id can be an e-mail address) or the lost reason (free text).
/// </remarks>
public sealed record Deal
{
    /// <summary>The longest <see cref="LostReason"/> accepted, in characters.</summary>
    public const int MaximumLostReasonLength = 1024;

    /// <summary>Creates a deal.</summary>
    /// <param name="id">The deal's identifier.</param>
    /// <param name="value">The deal's value.</param>
    /// <param name="openedAt">When the deal was opened.</param>
    /// <param name="status">Open, won or lost.</param>
    /// <param name="closedAt">When the deal was closed; required for won and lost deals, absent for open ones.</param>
    /// <param name="leadId">The lead the deal came from, when known.</param>
    /// <param name="ownerId">The sales rep who owns the deal, when known.</param>
    /// <param name="accountId">The customer account, when known.</param>
    /// <param name="lostReason">Why the deal was lost (lost deals only), e.g. "bought from competitor".</param>
    /// <exception cref="ArgumentException">Any value is invalid or the values contradict each other.</exception>
    [JsonConstructor]
    public Deal(
        DealId id,
        Money value,
        DateTimeOffset openedAt,
        DealStatus status,
        DateTimeOffset? closedAt = null,
        LeadId? leadId = null,
        SalesRepId? ownerId = null,
        AccountId? accountId = null,
        string? lostReason = null)
    {
        Id = Guard.NotDefaultValue(id);
        Value = Guard.NotDefaultValue(value);
        OpenedAt = Guard.NotDefault(openedAt);
        Status = Guard.Defined(status);
        if (status == DealStatus.Open)
        {
            if (closedAt is not null)
            {
                throw new ArgumentException("An open deal has no close date.", nameof(closedAt));
            }
        }
        else
        {
            var closed = closedAt ?? throw new ArgumentException($"A {status} deal needs a close date.", nameof(closedAt));
            if (Guard.NotDefault(closed, nameof(closedAt)) < openedAt)
            {
                throw new ArgumentException($"The deal closed at {closed:O}, before it was opened at {openedAt:O}.", nameof(closedAt));
            }
        }

        if (lostReason is not null && status != DealStatus.Lost)
        {
            throw new ArgumentException($"Only a lost deal has a lost reason (the deal is {status}).", nameof(lostReason));
        }

        ClosedAt = closedAt;
        LeadId = leadId is { IsDefault: true } ? throw new ArgumentException("leadId must not be unset; use null.", nameof(leadId)) : leadId;
        OwnerId = ownerId is { IsDefault: true } ? throw new ArgumentException("ownerId must not be unset; use null.", nameof(ownerId)) : ownerId;
        AccountId = accountId is { IsDefault: true } ? throw new ArgumentException("accountId must not be unset; use null.", nameof(accountId)) : accountId;
        LostReason = Guard.NullOrFreeText(lostReason, MaximumLostReasonLength);
    }

    /// <summary>Gets the deal's identifier.</summary>
    public DealId Id { get; }

    /// <summary>Gets the deal's value.</summary>
    public Money Value { get; }

    /// <summary>Gets when the deal was opened.</summary>
    public DateTimeOffset OpenedAt { get; }

    /// <summary>Gets whether the deal is open, won or lost.</summary>
    public DealStatus Status { get; }

    /// <summary>Gets when the deal was closed; <see langword="null"/> while open.</summary>
    public DateTimeOffset? ClosedAt { get; }

    /// <summary>Gets the lead the deal came from, when known.</summary>
    public LeadId? LeadId { get; }

    /// <summary>Gets the sales rep who owns the deal, when known.</summary>
    public SalesRepId? OwnerId { get; }

    /// <summary>Gets the customer account, when known.</summary>
    public AccountId? AccountId { get; }

    /// <summary>Gets why the deal was lost; lost deals only.</summary>
    public string? LostReason { get; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Status = ").Append(Status)
            .Append(", Value = ").Append(Value)
            .Append(", OpenedAt = ").Append(OpenedAt.ToString("O", CultureInfo.InvariantCulture))
            .Append(", ClosedAt = ").Append(ClosedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "none")
            .Append(", HasLead = ").Append(LeadId is not null ? "true" : "false");
        return true;
    }
}
