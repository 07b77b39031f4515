namespace LeadKit.Funnel.Definitions;

/// <summary>
/// Says why a guard is unmet, e.g. the qualification policy's reasons ("BANT not confirmed: budget"). Called only
/// when a transition is refused (never on the accepted path). Must be thread-safe and free of side effects.
/// </summary>
/// <param name="context">The state, trigger, destination, time and (optionally) the lead.</param>
/// <returns>
/// A short explanation that carries no personal data (no ids, names, contact details or free text from the lead);
/// <see langword="null"/> when there is nothing to add to the guard's description.
/// </returns>
public delegate string? FunnelGuardExplainer(in FunnelGuardContext context);
