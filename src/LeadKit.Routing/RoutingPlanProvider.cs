using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Routing.Json;

namespace LeadKit.Routing;

/// <summary>
/// Holds the routing plan in use and replaces it atomically: every decision uses either the old or the new plan,
/// never a mix, and a plan that failed to load never replaces the one in use — it is reported by
/// <see cref="Rejected"/> and <see cref="Status"/> instead. Built on the shared <see cref="ReloadableEntry{TValue}"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Plans hold no counters: a replacement continues the ledger's counts and rotation (pools are keyed by
/// name). A provider registered by <c>AddLeadKitRouting</c> follows its <see cref="RoutingOptions"/> (every options
/// change is a reload); one created with <see cref="RoutingPlanProvider(RoutingPlan)"/> is replaced by
/// <see cref="Replace"/> and <see cref="TryReplace"/>.
/// </remarks>
public sealed class RoutingPlanProvider : IDisposable
{
    private readonly ReloadableEntry<RoutingPlan> _entry;
    private readonly ManualReloadSource<RoutingPlanLoadResult>? _manual;
    private readonly ReloadableRegistry<RoutingPlan>? _ownRegistry;

    /// <summary>Creates a provider replaced by code.</summary>
    /// <param name="initial">The plan to start with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="initial"/> is null.</exception>
    public RoutingPlanProvider(RoutingPlan initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _manual = new ManualReloadSource<RoutingPlanLoadResult>(new RoutingPlanLoadResult { Plan = initial });
        _ownRegistry = new ReloadableRegistry<RoutingPlan>();
        _entry = _ownRegistry.Add(initial.Name, _manual, Build);
    }

    internal RoutingPlanProvider(ReloadableEntry<RoutingPlan> entry)
    {
        _entry = entry;
    }

    /// <summary>Raised after a plan was refused; the plan in use stays in use.</summary>
    public event EventHandler<ReloadRejectedEventArgs>? Rejected
    {
        add => _entry.Rejected += value;
        remove => _entry.Rejected -= value;
    }

    /// <summary>Gets the plan in use.</summary>
    /// <exception cref="ConfigurationException">No valid plan was ever loaded (a registered plan whose options were invalid from the start); the problems are the first document's.</exception>
    public RoutingPlan Current => _entry.Value;

    /// <summary>Gets how many plans were applied, when the plan in use was, and the latest refusal with its problems.</summary>
    public ReloadStatus Status => _entry.Status;

    /// <summary>Replaces the plan in use.</summary>
    /// <param name="plan">The new plan.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The provider follows its <see cref="RoutingOptions"/>; change the options instead.</exception>
    public void Replace(RoutingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Manual().Publish(new RoutingPlanLoadResult { Plan = plan });
    }

    /// <summary>Replaces the plan in use with a loaded plan, only if it loaded without problems; otherwise the refusal is reported by <see cref="Rejected"/> and <see cref="Status"/>.</summary>
    /// <param name="loaded">The outcome of <see cref="RoutingPlanJson.Load"/>.</param>
    /// <returns><see langword="true"/> when replaced; otherwise the plan in use stays.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loaded"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The provider follows its <see cref="RoutingOptions"/>; change the options instead.</exception>
    public bool TryReplace(RoutingPlanLoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        Manual().Publish(loaded);
        return loaded.Succeeded;
    }

    /// <inheritdoc />
    public void Dispose() => _ownRegistry?.Dispose();

    private static RoutingPlan? Build(RoutingPlanLoadResult loaded, ICollection<ConfigurationProblem> problems)
    {
        foreach (var problem in loaded.Problems)
        {
            problems.Add(problem);
        }

        return loaded.Plan;
    }

    private ManualReloadSource<RoutingPlanLoadResult> Manual()
        => _manual ?? throw new InvalidOperationException("This routing plan provider follows its RoutingOptions: change the options to load another plan.");
}
