using System.Collections.Immutable;

namespace LeadKit.Learning.Backtesting;

/// <summary>
/// The history given to a backtest or a learner cannot give a trustworthy answer: too few converted or non-converted
/// leads, a constant feature, a NaN score, ... Every problem found is listed at once.
/// </summary>
public sealed class InvalidHistoryException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">One sentence per problem; at least one.</param>
    /// <param name="paramName">The parameter holding the history.</param>
    public InvalidHistoryException(IEnumerable<string> problems, string? paramName)
        : this([.. problems ?? throw new ArgumentNullException(nameof(problems))], paramName)
    {
    }

    /// <summary>Creates the exception with no listed problem (prefer the constructor that lists them).</summary>
    public InvalidHistoryException()
        : this(["The history is not valid."], null)
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    /// <param name="message">The problem.</param>
    public InvalidHistoryException(string message)
        : this([message], null)
    {
    }

    /// <summary>Creates the exception with one problem and the exception that caused it.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidHistoryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    private InvalidHistoryException(ImmutableArray<string> problems, string? paramName, Exception? innerException = null)
        : base(Format(problems), paramName, innerException)
    {
        Problems = problems;
    }

    /// <summary>The same problems, each prefixed with where they arose (e.g. the cross-validation fold), the cause kept.</summary>
    internal InvalidHistoryException In(string where)
        => new([.. Problems.Select(p => where + ": " + p)], ParamName, this);

    /// <summary>Gets every problem found, one sentence each.</summary>
    public ImmutableArray<string> Problems { get; }

    private static string Format(ImmutableArray<string> problems)
        => problems.Length == 1 ? problems[0] : $"The history has {problems.Length} problems: {string.Join(" ", problems)}";
}
