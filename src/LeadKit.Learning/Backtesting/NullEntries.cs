using System.Globalization;

namespace LeadKit.Learning.Backtesting;

/// <summary>
/// Names the null entries of a history the same way for the backtester, cross-validation, the trainers and
/// <c>LeadCondition.ForValues</c>: <c>history[i] is null</c> for the first <see cref="Named"/>, then a count of the rest.
/// </summary>
internal static class NullEntries
{
    /// <summary>The number of null entries named by index; the rest are counted.</summary>
    public const int Named = 10;

    /// <summary>Adds one problem per null entry of a list (see the class remarks).</summary>
    /// <returns>The number of null entries.</returns>
    public static int Add(IReadOnlyList<HistoricalLead> history, string parameterName, List<string> problems)
    {
        var nulls = 0;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i] is null)
            {
                if (nulls < Named)
                {
                    problems.Add(Entry(parameterName, i));
                }

                nulls++;
            }
        }

        if (nulls > Named)
        {
            problems.Add(Rest(parameterName, nulls));
        }

        return nulls;
    }

    /// <summary>Creates the exception for null entries found while enumerating a history once.</summary>
    /// <param name="indices">The indices of the null entries, ascending; at least one.</param>
    /// <param name="parameterName">The parameter holding the history.</param>
    /// <returns>The exception to throw.</returns>
    public static InvalidHistoryException Exception(List<int> indices, string parameterName)
    {
        var problems = new List<string>(Math.Min(indices.Count, Named) + 1);
        for (var k = 0; k < indices.Count && k < Named; k++)
        {
            problems.Add(Entry(parameterName, indices[k]));
        }

        if (indices.Count > Named)
        {
            problems.Add(Rest(parameterName, indices.Count));
        }

        return new InvalidHistoryException(problems, parameterName);
    }

    private static string Entry(string parameterName, int index)
        => string.Create(CultureInfo.InvariantCulture, $"{parameterName}[{index}] is null; every entry must be a HistoricalLead.");

    private static string Rest(string parameterName, int nulls)
        => string.Create(CultureInfo.InvariantCulture, $"{parameterName} has {nulls - Named} more null entries ({nulls} in all).");
}
