namespace LeadKit.Metrics.Response;

/// <summary>Where lead response time starts.</summary>
public enum ResponseStart
{
    /// <summary>From the lead's creation (the default).</summary>
    Created = 0,

    /// <summary>From the lead's assignment to a rep; leads without an assignment time are not measured.</summary>
    Assigned,
}
