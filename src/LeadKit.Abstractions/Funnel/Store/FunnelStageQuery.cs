namespace LeadKit.Abstractions.Funnel.Store;

/// <summary>
/// Asks for the leads currently in <see cref="Stage"/> that entered it strictly before <see cref="EnteredBefore"/>, in
/// <see cref="FunnelPageKey"/> order, at most <see cref="PageSize"/> of them, starting after <see cref="After"/>.
/// </summary>
/// <remarks>
/// SLA breaches of a stage whose SLA is <c>d</c> at <c>asOf</c> are <c>EnteredBefore = asOf - d</c>; leads in a stage longer
/// than <c>d</c> likewise (both are "<c>asOf - EnteredAt &gt; d</c>").
/// </remarks>
public sealed class FunnelStageQuery
{
    /// <summary>The largest <see cref="PageSize"/>.</summary>
    public const int MaximumPageSize = 1000;

    /// <summary>The default <see cref="PageSize"/>.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Gets the stage.</summary>
    public required FunnelStage Stage { get; init => field = value.IsDefault ? throw new ArgumentException("Stage must be set (was the default FunnelStage).", nameof(Stage)) : value; }

    /// <summary>Gets the moment: only leads that entered the stage strictly before it (as instants) are returned.</summary>
    public required DateTimeOffset EnteredBefore { get; init; }

    /// <summary>Gets the most leads on one page.</summary>
    /// <value>1 to <see cref="MaximumPageSize"/>; <see cref="DefaultPageSize"/> unless set.</value>
    public int PageSize
    {
        get;
        init => field = value is >= 1 and <= MaximumPageSize ? value : throw new ArgumentOutOfRangeException(nameof(PageSize), value, $"PageSize must be 1 to {MaximumPageSize}.");
    } = DefaultPageSize;

    /// <summary>Gets where the previous page ended (its <see cref="FunnelPage.Next"/>); <see langword="null"/> for the first page.</summary>
    public FunnelPageKey? After { get; init; }

    /// <summary>Returns whether a state belongs to this query's results (on any page).</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> when it is in <see cref="Stage"/>, entered before <see cref="EnteredBefore"/> and sorts after <see cref="After"/>.</returns>
    public bool Matches(FunnelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Stage == Stage
            && state.EnteredAt < EnteredBefore
            && (After is null || FunnelPageKey.Of(state).CompareTo(After) > 0);
    }

    /// <summary>Returns the query for the page after <paramref name="page"/>, or <see langword="null"/> when it was the last.</summary>
    /// <param name="page">A page this query returned.</param>
    /// <returns>The same query starting after the page's last lead.</returns>
    public FunnelStageQuery? NextPage(FunnelPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Next is { } next
            ? new FunnelStageQuery { Stage = Stage, EnteredBefore = EnteredBefore, PageSize = PageSize, After = next }
            : null;
    }
}
