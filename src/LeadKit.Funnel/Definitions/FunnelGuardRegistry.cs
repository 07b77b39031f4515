using System.Diagnostics.CodeAnalysis;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Funnel.Definitions;

/// <summary>
/// The guards a JSON funnel definition may name (<c>"guards": ["qualified-mql"]</c>): the built-in qualification guards
/// and the application's own, each registered under a name. Built-ins and user guards register the same way.
/// </summary>
/// <remarks>
/// Fill it once at start-up, then share it: reading is thread-safe, adding is not. Names follow the configuration-name
/// rule and are compared ordinally. A JSON definition is written back with the names its guards were registered under
/// (<see cref="NameOf"/>, by reference), so a definition read with a registry round-trips through the same registry.
/// </remarks>
public sealed class FunnelGuardRegistry
{
    /// <summary>The name of the built-in guard met when the policy rates the lead at least marketing-qualified (<see cref="QualificationGuards.MarketingQualified"/>).</summary>
    public const string MarketingQualifiedName = "qualified-mql";

    /// <summary>The name of the built-in guard met when the policy rates the lead sales-qualified (<see cref="QualificationGuards.SalesQualified"/>).</summary>
    public const string SalesQualifiedName = "qualified-sql";

    private readonly Dictionary<string, TransitionGuard> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<TransitionGuard, string> _names = new(ReferenceEqualityComparer.Instance);

    /// <summary>Gets the registered names.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Registers a guard under a name.</summary>
    /// <param name="name">The name JSON definitions use; follows the configuration-name rule.</param>
    /// <param name="guard">The guard.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The name breaks the rule, is already registered, or the guard is registered under another name.</exception>
    public FunnelGuardRegistry Add(string name, TransitionGuard guard)
    {
        ConfigurationName.Validate(name, nameof(name));
        ArgumentNullException.ThrowIfNull(guard);
        if (_byName.ContainsKey(name))
        {
            throw new ArgumentException($"A guard is already registered under the name '{name}'.", nameof(name));
        }

        if (!_names.TryAdd(guard, name))
        {
            throw new ArgumentException($"This guard is already registered under the name '{_names[guard]}'; a guard has one name.", nameof(guard));
        }

        _byName.Add(name, guard);
        return this;
    }

    /// <summary>
    /// Registers the built-in qualification guards, <see cref="MarketingQualifiedName"/> and <see cref="SalesQualifiedName"/>,
    /// asking this scorer and policy. The link to scoring is this explicit call: nothing is looked up elsewhere.
    /// </summary>
    /// <param name="scorer">Scores the lead.</param>
    /// <param name="policy">Qualifies the scored lead.</param>
    /// <returns>This registry, for chaining.</returns>
    public FunnelGuardRegistry AddQualificationGuards(ILeadScorer scorer, IQualificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(policy);
        return Add(MarketingQualifiedName, QualificationGuards.MarketingQualified(scorer, policy))
            .Add(SalesQualifiedName, QualificationGuards.SalesQualified(scorer, policy));
    }

    /// <summary>Returns a new registry with every guard of this one (under the same names).</summary>
    /// <returns>The copy.</returns>
    public FunnelGuardRegistry Copy()
    {
        var copy = new FunnelGuardRegistry();
        foreach (var (name, guard) in _byName)
        {
            copy.Add(name, guard);
        }

        return copy;
    }

    /// <summary>Gets the guard registered under a name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="guard">The guard when found.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool TryGet(string name, [MaybeNullWhen(false)] out TransitionGuard guard) => _byName.TryGetValue(name, out guard);

    /// <summary>Returns the name a guard was registered under.</summary>
    /// <param name="guard">The guard (compared by reference).</param>
    /// <returns>The name, or <see langword="null"/> when the guard is not registered here.</returns>
    public string? NameOf(TransitionGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return _names.TryGetValue(guard, out var name) ? name : null;
    }
}
