namespace LeadKit.Metrics.Reports;

/// <summary>What a report segment groups by.</summary>
public enum SegmentDimension
{
    /// <summary>Everything.</summary>
    Overall = 0,

    /// <summary>One lead source (deals: the source of the deal's lead).</summary>
    Source,

    /// <summary>One owner (sales rep).</summary>
    Owner,

    /// <summary>One period (leads: created in it; deals: closed in it).</summary>
    Period,
}
