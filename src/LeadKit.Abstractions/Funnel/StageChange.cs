using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Funnel;

/// <summary>One entry of a lead's funnel history: it moved from one stage to another.</summary>
public sealed record StageChange
{
    /// <summary>Gets the stage the lead left.</summary>
    public required FunnelStage From { get; init => field = Guard.NotDefaultValue(value, nameof(From)); }

    /// <summary>Gets the stage the lead entered.</summary>
    public required FunnelStage To { get; init => field = Guard.NotDefaultValue(value, nameof(To)); }

    /// <summary>Gets the trigger that caused the change.</summary>
    public required FunnelTrigger Trigger { get; init => field = Guard.NotDefaultValue(value, nameof(Trigger)); }

    /// <summary>Gets when the change happened.</summary>
    public required DateTimeOffset OccurredAt { get; init => field = Guard.NotDefault(value, nameof(OccurredAt)); }

    /// <summary>Gets who made the change (a user id, "system", a rule name), when known.</summary>
    public string? Actor { get; init => field = Guard.NullOrNotBlank(value, nameof(Actor)); }

    /// <summary>Gets why the change was made (e.g. a rejection or override reason), when given.</summary>
    public string? Reason { get; init => field = Guard.NullOrNotBlank(value, nameof(Reason)); }

    /// <summary>
    /// Gets a value indicating whether an authorised person overrode unmet guards to make this change
    /// (then <see cref="Actor"/> and <see cref="Reason"/> say who and why).
    /// </summary>
    public bool IsOverride { get; init; }
}
