namespace LeadKit.Funnel.Definitions;

/// <summary>A guard on a transition and the description shown when it is not met (and in diagrams).</summary>
/// <remarks>Immutable and thread-safe when the predicate and the explainer are.</remarks>
public sealed class TransitionGuard
{
    /// <summary>Creates a guard.</summary>
    /// <param name="predicate">Decides whether the transition may happen.</param>
    /// <param name="description">What the guard requires, e.g. "lead is marketing-qualified"; checked by the builder.</param>
    public TransitionGuard(FunnelGuardPredicate predicate, string description)
        : this(predicate, description, null)
    {
    }

    /// <summary>Creates a guard that says why it is unmet.</summary>
    /// <param name="predicate">Decides whether the transition may happen.</param>
    /// <param name="description">What the guard requires, e.g. "lead is marketing-qualified"; checked by the builder.</param>
    /// <param name="explainer">Says why the guard is unmet; its text follows the description in a refusal. Optional.</param>
    public TransitionGuard(FunnelGuardPredicate predicate, string description, FunnelGuardExplainer? explainer)
    {
        Predicate = predicate;
        Description = description;
        Explainer = explainer;
    }

    /// <summary>Gets the predicate.</summary>
    public FunnelGuardPredicate Predicate { get; }

    /// <summary>Gets what the guard requires.</summary>
    public string Description { get; }

    /// <summary>Gets what says why the guard is unmet, or <see langword="null"/> when the description says it all.</summary>
    public FunnelGuardExplainer? Explainer { get; }

    /// <summary>Returns the description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    /// <summary>Describes the guard as unmet: the description, then the explainer's reasons in parentheses when it gives any.</summary>
    internal string DescribeUnmet(in FunnelGuardContext context)
    {
        var why = Explainer?.Invoke(in context);
        return string.IsNullOrWhiteSpace(why) ? Description : $"{Description} ({why})";
    }
}
