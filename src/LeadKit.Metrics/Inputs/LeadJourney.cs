using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Metrics.Inputs;

/// <summary>
/// One lead's way through the funnel, as the metrics read it: who, where from, who owns it, when it was created, the
/// stage it started in and every stage change since, plus the optional assignment and first sales touch.
/// </summary>
/// <remarks>
/// <para>
/// The constructor checks each value on its own. Facts that contradict each other (changes out of order, a change or
/// touch before the lead was created, a history whose stages do not chain) are data-quality problems that the report
/// rejects or lists, naming this journey by <see cref="Id"/>; they are not fixed silently.
/// </para>
/// <para>An immutable value (the change list is copied); thread-safe.</para>
/// </remarks>
public sealed record LeadJourney
{
    /// <summary>Creates a journey.</summary>
    /// <param name="id">The lead's identifier.</param>
    /// <param name="source">Where the lead came from.</param>
    /// <param name="createdAt">When the lead was created (for Olist: the first contact).</param>
    /// <param name="changes">The stage changes in the order they happened; empty or null when the lead never moved.</param>
    /// <param name="ownerId">The sales rep who owns the lead, when assigned.</param>
    /// <param name="initialStage">The stage the lead entered when created; unset means the first change's <see cref="StageChange.From"/>, or <see cref="FunnelStage.Lead"/> without changes.</param>
    /// <param name="assignedAt">When the lead was assigned to a rep, when known.</param>
    /// <param name="firstTouchAt">When a rep first contacted the lead (call, e-mail, meeting), when it happened.</param>
    /// <exception cref="ArgumentException">The id, source or creation time is unset, or a change is null.</exception>
    public LeadJourney(
        LeadId id,
        LeadSource source,
        DateTimeOffset createdAt,
        IEnumerable<StageChange>? changes = null,
        SalesRepId? ownerId = null,
        FunnelStage initialStage = default,
        DateTimeOffset? assignedAt = null,
        DateTimeOffset? firstTouchAt = null)
    {
        if (id.IsDefault)
        {
            throw new ArgumentException("id must be set (was the default LeadId).", nameof(id));
        }

        if (source.IsDefault)
        {
            throw new ArgumentException("source must be set.", nameof(source));
        }

        if (createdAt == default)
        {
            throw new ArgumentException("createdAt must be set.", nameof(createdAt));
        }

        if (ownerId is { IsDefault: true })
        {
            throw new ArgumentException("ownerId must not be unset; use null.", nameof(ownerId));
        }

        StageChange[] list = changes is null ? [] : [.. changes];
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException($"changes[{i}] is null.", nameof(changes));
            }
        }

        Id = id;
        Source = source;
        CreatedAt = createdAt;
        ChangeArray = list;
        OwnerId = ownerId;
        InitialStage = !initialStage.IsDefault ? initialStage : list.Length > 0 ? list[0].From : FunnelStage.Lead;
        AssignedAt = assignedAt;
        FirstTouchAt = firstTouchAt;
    }

    /// <summary>Gets the lead's identifier.</summary>
    public LeadId Id { get; }

    /// <summary>Gets where the lead came from.</summary>
    public LeadSource Source { get; }

    /// <summary>Gets the sales rep who owns the lead, when assigned.</summary>
    public SalesRepId? OwnerId { get; }

    /// <summary>Gets when the lead was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the stage the lead entered when it was created.</summary>
    public FunnelStage InitialStage { get; }

    /// <summary>Gets the stage changes in the order they happened.</summary>
    public IReadOnlyList<StageChange> Changes => ChangeArray;

    /// <summary>Gets the same changes as an array, so the report loops without interface calls.</summary>
    internal StageChange[] ChangeArray { get; }

    /// <summary>Gets when the lead was assigned to a rep, when known.</summary>
    public DateTimeOffset? AssignedAt { get; }

    /// <summary>Gets when a rep first contacted the lead, when it happened.</summary>
    public DateTimeOffset? FirstTouchAt { get; }
}
