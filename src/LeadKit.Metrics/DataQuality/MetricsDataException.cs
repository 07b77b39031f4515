using System.Text;

namespace LeadKit.Metrics.DataQuality;

/// <summary>Thrown in <see cref="DataQualityMode.Reject"/> mode when input records fail data-quality checks.</summary>
/// <remarks>The message names the first problems; <see cref="Issues"/> holds all of them, sorted.</remarks>
public sealed class MetricsDataException : Exception
{
    private const int MessageLimit = 10;

    /// <summary>Creates the exception for a set of problems.</summary>
    /// <param name="issues">The problems found, sorted; at least one.</param>
    public MetricsDataException(IReadOnlyList<DataQualityIssue> issues)
        : base(Describe(issues))
    {
        Issues = issues;
    }

    /// <summary>Creates the exception with a message and no listed problems.</summary>
    public MetricsDataException()
    {
        Issues = [];
    }

    /// <summary>Creates the exception with a message and no listed problems.</summary>
    /// <param name="message">The message.</param>
    public MetricsDataException(string message)
        : base(message)
    {
        Issues = [];
    }

    /// <summary>Creates the exception with a message, an inner exception and no listed problems.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MetricsDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Issues = [];
    }

    /// <summary>Gets every problem found, sorted.</summary>
    public IReadOnlyList<DataQualityIssue> Issues { get; }

    private static string Describe(IReadOnlyList<DataQualityIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var text = new StringBuilder();
        text.Append(issues.Count).Append(" data-quality problem(s) in the input; fix the records or set DataQuality = Exclude to leave them out and list them:");
        for (var i = 0; i < issues.Count && i < MessageLimit; i++)
        {
            text.AppendLine().Append("  ").Append(issues[i]);
        }

        if (issues.Count > MessageLimit)
        {
            text.AppendLine().Append("  ... and ").Append(issues.Count - MessageLimit).Append(" more (see Issues).");
        }

        return text.ToString();
    }
}
