namespace LeadKit.Scoring.Model;

/// <summary>
/// A scoring rule failed while scoring a lead (it threw, or returned a number that is not finite). The score is
/// not returned, so a total is never silently wrong. The message names the rule, never the lead's data.
/// </summary>
public sealed class ScoringException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScoringException()
        : base("A scoring rule failed.")
    {
        RuleName = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ScoringException(string message)
        : base(message)
    {
        RuleName = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScoringException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleName = string.Empty;
    }

    /// <summary>Creates the exception for a failed rule.</summary>
    /// <param name="ruleName">The failing rule's name.</param>
    /// <param name="message">What went wrong (no lead data).</param>
    /// <param name="innerException">The exception the rule threw, if any.</param>
    public ScoringException(string ruleName, string message, Exception? innerException)
        : base(message, innerException)
    {
        RuleName = ruleName;
    }

    /// <summary>Gets the name of the rule that failed.</summary>
    public string RuleName { get; }
}
