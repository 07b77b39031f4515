namespace LeadKit.Metrics.DataQuality;

/// <summary>The kind of input record a data-quality problem was found in.</summary>
public enum RecordKind
{
    /// <summary>A lead journey, named by its lead id.</summary>
    LeadJourney = 0,

    /// <summary>A deal, named by its deal id.</summary>
    Deal,

    /// <summary>A customer record, named by its account id.</summary>
    Customer,
}
