namespace LeadKit.Funnel.Definitions;

/// <summary>Decides whether a guarded transition may happen. Must be thread-safe and free of side effects.</summary>
/// <param name="context">The state, trigger, destination, time and (optionally) the lead.</param>
/// <returns><see langword="true"/> when the guard is met.</returns>
public delegate bool FunnelGuardPredicate(in FunnelGuardContext context);
