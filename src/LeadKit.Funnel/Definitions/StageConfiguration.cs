using LeadKit.Abstractions.Funnel;
using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Definitions;

/// <summary>
/// Configures one stage of a funnel definition in Stateless vocabulary: which triggers it permits and where they
/// lead, guards, entry and exit actions, whether it is terminal, its SLA, and where it is recycled into.
/// </summary>
/// <remarks>
/// Obtained from <see cref="FunnelDefinitionBuilder.Configure"/>. Not thread-safe; locked (every method throws
/// <see cref="InvalidOperationException"/>) once the builder has built. Problems are reported together by
/// <see cref="FunnelDefinitionBuilder.Build"/>, not here, except unset (default) stages and triggers.
/// </remarks>
public sealed class StageConfiguration
{
    private readonly FunnelDefinitionBuilder _builder;

    internal StageConfiguration(FunnelDefinitionBuilder builder, FunnelStage stage)
    {
        _builder = builder;
        Stage = stage;
    }

    /// <summary>Gets the stage being configured.</summary>
    public FunnelStage Stage { get; }

    internal List<PendingTransition> Transitions { get; } = [];

    internal List<Action<FunnelState>> EntryActions { get; } = [];

    internal List<Action<FunnelState>> ExitActions { get; } = [];

    internal bool IsTerminal { get; private set; }

    internal TimeSpan? MaxTime { get; private set; }

    internal FunnelStage RecycleInto { get; private set; }

    /// <summary>Permits a trigger from this stage to a destination, without guards.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The stage it leads to.</param>
    /// <returns>This configuration, for chaining.</returns>
    public StageConfiguration Permit(FunnelTrigger trigger, FunnelStage destination)
        => Add(trigger, destination, [], isBackward: false);

    /// <summary>Permits a trigger from this stage to a destination when a guard is met.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The stage it leads to.</param>
    /// <param name="guard">The guard.</param>
    /// <param name="guardDescription">What the guard requires; shown when it is unmet and in diagrams. Required.</param>
    /// <returns>This configuration, for chaining.</returns>
    public StageConfiguration PermitIf(FunnelTrigger trigger, FunnelStage destination, FunnelGuardPredicate guard, string guardDescription)
        => Add(trigger, destination, [new TransitionGuard(guard, guardDescription)], isBackward: false);

    /// <summary>Permits a trigger from this stage to a destination when all guards are met.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The stage it leads to.</param>
    /// <param name="guards">The guards, each with its description.</param>
    /// <returns>This configuration, for chaining.</returns>
    public StageConfiguration PermitIf(FunnelTrigger trigger, FunnelStage destination, params TransitionGuard[] guards)
        => Add(trigger, destination, guards ?? [], isBackward: false);

    /// <summary>
    /// Permits an explicit backward (audited) edge, such as sales rejecting an MQL back to nurture or a nurtured
    /// lead re-entering the funnel: firing it needs a reason, which the history records. Only backward edges may
    /// go against the builder's <see cref="FunnelDefinitionBuilder.MainPath"/>.
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The stage it leads to.</param>
    /// <param name="guards">Optional guards, each with its description.</param>
    /// <returns>This configuration, for chaining.</returns>
    public StageConfiguration PermitBackward(FunnelTrigger trigger, FunnelStage destination, params TransitionGuard[] guards)
        => Add(trigger, destination, guards ?? [], isBackward: true);

    /// <summary>Adds an action run after the lead entered this stage and the change was committed (by the store, or by <see cref="FunnelDefinition.RunStageActions"/>).</summary>
    /// <param name="action">The action; receives the committed state. Must be thread-safe.</param>
    /// <returns>This configuration, for chaining.</returns>
    public StageConfiguration OnEntry(Action<FunnelState> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _builder.ThrowIfBuilt();
        EntryActions.Add(action);
        return this;
    }

    /// <summary>Adds an action run after the lead left this stage and the change was committed (before the next stage's entry actions).</summary>
    /// <param name="action">The action; receives the committed state. Must be thread-safe.</param>
    /// <returns>This configuration, for chaining.</returns>
    public StageConfiguration OnExit(Action<FunnelState> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _builder.ThrowIfBuilt();
        ExitActions.Add(action);
        return this;
    }

    /// <summary>Marks this stage as terminal: the lead's journey ends here and no trigger is permitted from it.</summary>
    /// <returns>This configuration, for chaining.</returns>
    public StageConfiguration Terminal()
    {
        _builder.ThrowIfBuilt();
        IsTerminal = true;
        return this;
    }

    /// <summary>Sets the service-level agreement for this stage: the longest a lead should stay in it (e.g. MQLs accepted within 48 hours).</summary>
    /// <param name="maximum">The maximum time in the stage; must be positive (checked by the builder).</param>
    /// <returns>This configuration, for chaining.</returns>
    public StageConfiguration MaxTimeInStage(TimeSpan maximum)
    {
        _builder.ThrowIfBuilt();
        MaxTime = maximum;
        return this;
    }

    /// <summary>
    /// Lets leads in this stage (typically <c>lost</c>) be recycled into a NEW lead that starts in
    /// <paramref name="entryStage"/> (see <see cref="FunnelDefinition.Recycle"/>).
    /// </summary>
    /// <param name="entryStage">The stage the new lead starts in, e.g. <c>lead</c>.</param>
    /// <returns>This configuration, for chaining.</returns>
    public StageConfiguration RecyclesInto(FunnelStage entryStage)
    {
        ThrowIfDefault(entryStage, nameof(entryStage));
        _builder.ThrowIfBuilt();
        RecycleInto = entryStage;
        _builder.Mention(entryStage);
        return this;
    }

    private StageConfiguration Add(FunnelTrigger trigger, FunnelStage destination, TransitionGuard[] guards, bool isBackward)
    {
        if (trigger.IsDefault)
        {
            throw new ArgumentException("trigger must be set (was the default FunnelTrigger).", nameof(trigger));
        }

        ThrowIfDefault(destination, nameof(destination));
        _builder.ThrowIfBuilt();
        Transitions.Add(new PendingTransition(trigger, destination, [.. guards], isBackward));
        _builder.Mention(destination);
        return this;
    }

    private static void ThrowIfDefault(FunnelStage stage, string name)
    {
        if (stage.IsDefault)
        {
            throw new ArgumentException($"{name} must be set (was the default FunnelStage).", name);
        }
    }

    internal sealed record PendingTransition(FunnelTrigger Trigger, FunnelStage Destination, TransitionGuard?[] Guards, bool IsBackward);
}
