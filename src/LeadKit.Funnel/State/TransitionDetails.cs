using LeadKit.Abstractions.Leads;

namespace LeadKit.Funnel.State;

/// <summary>Who fires a trigger, why, for which lead data, and whether unmet guards are overridden.</summary>
/// <param name="Actor">
/// Who makes the change (a user id, "system", a rule name); recorded in the history. Required for an override. When
/// given it must not be blank and must be at most <c>FunnelDefinition.MaximumTextLength</c> characters of valid text;
/// otherwise the transition is refused (never thrown).
/// </param>
/// <param name="Reason">
/// Why the change is made; recorded in the history. Required on backward edges (such as sales rejecting an MQL
/// back to nurture) and for an override. When given, the same rules as for <paramref name="Actor"/> apply.
/// </param>
/// <param name="Lead">The lead's current data, for guards that ask the qualification policy; <see langword="null"/> when no guard needs it.</param>
/// <param name="IsOverride">
/// <see langword="true"/> to make the change even though guards are unmet. Needs <paramref name="Actor"/> and
/// <paramref name="Reason"/> and the definition's override authorisation (without an authorizer every override is
/// refused); the history records it as an override.
/// Never bypasses the permissions: the trigger must still be permitted from the current stage.
/// </param>
/// <remarks>Its <see cref="ToString"/> says which parts are set, never their values (actors are user ids, often e-mail addresses; reasons are free text; leads hold contact data).</remarks>
public readonly record struct TransitionDetails(string? Actor = null, string? Reason = null, Lead? Lead = null, bool IsOverride = false)
{
    /// <summary>Returns which parts are set, never their values.</summary>
    /// <returns>E.g. <c>TransitionDetails { Actor = set, Reason = none, Lead = set, IsOverride = False }</c>.</returns>
    public override string ToString()
        => $"TransitionDetails {{ Actor = {Describe(Actor)}, Reason = {Describe(Reason)}, Lead = {(Lead is null ? "none" : "set")}, IsOverride = {IsOverride} }}";

    private static string Describe(string? text) => text is null ? "none" : string.IsNullOrWhiteSpace(text) ? "blank" : "set";
}
