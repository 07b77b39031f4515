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

    /// <summary>Returns the stages, trigger, time and whether an actor and a reason were recorded, never their text.</summary>
    /// <returns>E.g. <c>StageChange { From = lead, To = mql, Trigger = qualify, OccurredAt = 2026-06-01T12:00:00.0000000+00:00, Actor = set, Reason = none, IsOverride = False }</c>.</returns>
    /// <remarks>The actor is a user id (often an e-mail address) and the reason is free text: neither is printed.</remarks>
    public override string ToString()
        => FormattableString.Invariant($"StageChange {{ From = {From}, To = {To}, Trigger = {Trigger}, OccurredAt = {OccurredAt:O}, Actor = {(Actor is null ? "none" : "set")}, Reason = {(Reason is null ? "none" : "set")}, IsOverride = {IsOverride} }}");
}
