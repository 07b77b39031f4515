using System.Globalization;

namespace LeadKit.Scoring.Backtesting;

/// <summary>Names the null entries of a history, the same way for the backtester, cross-validation and the trainers.</summary>
internal static class NullEntries
{
    /// <summary>The number of null entries named by index; the rest are counted.</summary>
    public const int Named = 10;

    /// <summary>
    /// Adds one problem per null entry, <c>history[i] is null.</c> (the parameter's name and the index), for the first
    /// <see cref="Named"/>, then one sentence counting the rest.
    /// </summary>
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
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{parameterName}[{i}] is null; every entry must be a HistoricalLead."));
                }

                nulls++;
            }
        }

        if (nulls > Named)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{parameterName} has {nulls - Named} more null entries ({nulls} in all)."));
        }

        return nulls;
    }
}
