using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.Periods;

namespace LeadKit.Metrics.Reports;

/// <summary>Identifies a report segment.</summary>
/// <param name="Dimension">What the segment groups by.</param>
/// <param name="Source">The source of a <see cref="SegmentDimension.Source"/> segment; <see langword="null"/> there means deals without a known lead.</param>
/// <param name="Owner">The owner of an <see cref="SegmentDimension.Owner"/> segment; <see langword="null"/> there means unassigned.</param>
/// <param name="Period">The period of a <see cref="SegmentDimension.Period"/> segment.</param>
public sealed record SegmentKey(SegmentDimension Dimension, LeadSource? Source = null, SalesRepId? Owner = null, Period? Period = null)
{
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
