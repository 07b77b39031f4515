using System.Collections.Immutable;

namespace LeadKit.Abstractions.Funnel.Store;

/// <summary>One page of a stage query: the leads, in <see cref="FunnelPageKey"/> order, and where the next page starts.</summary>
public sealed class FunnelPage
{
    /// <summary>Gets the leads' states on this page.</summary>
    public ImmutableArray<FunnelState> Items
    {
        get => field.IsDefault ? [] : field;
        init;
    }

    /// <summary>
    /// Gets the key of this page's last lead when more leads matched the query (a store reads <c>PageSize + 1</c> to know),
    /// or <see langword="null"/> when this is the last page. Pass it as <see cref="FunnelStageQuery.After"/>.
    /// </summary>
    public FunnelPageKey? Next { get; init; }

    /// <summary>Makes a page from the matching states sorted in key order, cut to the query's page size.</summary>
    /// <param name="sortedMatches">Every state that matches the query (or at least its first <c>PageSize + 1</c>), in <see cref="FunnelPageKey"/> order.</param>
    /// <param name="query">The query.</param>
    /// <returns>The page.</returns>
    public static FunnelPage Create(IReadOnlyList<FunnelState> sortedMatches, FunnelStageQuery query)
    {
        ArgumentNullException.ThrowIfNull(sortedMatches);
        ArgumentNullException.ThrowIfNull(query);
        var count = Math.Min(sortedMatches.Count, query.PageSize);
        var items = ImmutableArray.CreateBuilder<FunnelState>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(sortedMatches[i]);
        }

        return new FunnelPage
        {
            Items = items.MoveToImmutable(),
            Next = sortedMatches.Count > query.PageSize ? FunnelPageKey.Of(sortedMatches[count - 1]) : null,
        };
    }
}
