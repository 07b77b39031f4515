using LeadKit.Abstractions.Funnel;

namespace LeadKit.Funnel.Definitions;

/// <summary>Decides whether an actor may override unmet guards. Must be thread-safe and free of side effects.</summary>
/// <param name="actor">Who asks for the override.</param>
/// <param name="from">The lead's current stage.</param>
/// <param name="trigger">The trigger being fired.</param>
/// <returns><see langword="true"/> when the actor is authorised.</returns>
public delegate bool FunnelOverrideAuthorizer(string actor, FunnelStage from, FunnelTrigger trigger);
