namespace LeadKit.Funnel.Definitions;

/// <summary>A guard on a transition and the description shown when it is not met (and in diagrams).</summary>
/// <remarks>Immutable and thread-safe when the predicate is.</remarks>
public sealed class TransitionGuard
{
    /// <summary>Creates a guard.</summary>
    /// <param name="predicate">Decides whether the transition may happen.</param>
    /// <param name="description">What the guard requires, e.g. "lead is marketing-qualified"; checked by the builder.</param>
    public TransitionGuard(FunnelGuardPredicate predicate, string description)
    {
        Predicate = predicate;
        Description = description;
    }

    /// <summary>Gets the predicate.</summary>
    public FunnelGuardPredicate Predicate { get; }

    /// <summary>Gets what the guard requires.</summary>
    public string Description { get; }

    /// <summary>Returns the description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;
}
