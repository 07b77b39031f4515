using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.Periods;

namespace LeadKit.Metrics.Reports;

/// <summary>Identifies a report segment: the dimension and the value of that dimension the segment groups.</summary>
/// <remarks>
/// A value with value equality, so a segment can be looked up by its key. Properties that a dimension does not use
/// are <see langword="null"/>; a later dimension adds its own property without changing these.
/// </remarks>
public sealed record SegmentKey
{
    /// <summary>Gets what the segment groups by.</summary>
    public required SegmentDimension Dimension { get; init; }

    /// <summary>Gets the source of a <see cref="SegmentDimension.Source"/> segment; <see langword="null"/> there means deals without a known lead.</summary>
    public LeadSource? Source { get; init; }

    /// <summary>Gets the owner of an <see cref="SegmentDimension.Owner"/> segment; <see langword="null"/> there means unassigned.</summary>
    public SalesRepId? Owner { get; init; }

    /// <summary>Gets the period of a <see cref="SegmentDimension.Period"/> segment.</summary>
    public Period? Period { get; init; }

    /// <summary>Gets a label: <c>overall</c>, the source, the owner id, <c>(unassigned)</c>, <c>(unattributed)</c> or the period label.</summary>
    public string Label => Dimension switch
    {
        SegmentDimension.Overall => "overall",
        SegmentDimension.Source => Source?.Value ?? "(unattributed)",
        SegmentDimension.Owner => Owner?.Value ?? "(unassigned)",
        _ => Period?.Label ?? string.Empty,
    };

    /// <summary>
    /// Returns the dimension and label, except an owner's id (sales rep ids can be e-mail addresses): <c>Owner:(rep)</c>.
    /// Use <see cref="Label"/> to show the owner on purpose.
    /// </summary>
    /// <returns>The formatted key.</returns>
    public override string ToString() => Dimension == SegmentDimension.Owner && Owner is not null ? "Owner:(rep)" : $"{Dimension}:{Label}";
}
