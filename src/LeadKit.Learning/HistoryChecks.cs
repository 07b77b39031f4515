using System.Globalization;
using LeadKit.Learning.Backtesting;

namespace LeadKit.Learning;

/// <summary>Checks shared by the learners: enough won and lost examples, no null entry.</summary>
internal static class HistoryChecks
{
    public static void CountOutcomes(IReadOnlyList<HistoricalLead> history, int minimumWon, int minimumLost, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (NullEntries.Add(history, nameof(history), problems) > 0)
        {
            // Counts over a history with holes would only add noise to the message; the null entries must be fixed first.
            return;
        }

        int won = 0, lost = 0;
        foreach (var item in history)
        {
            if (item.Converted)
            {
                won++;
            }
            else
            {
                lost++;
            }
        }

        if (won == 0 || lost == 0)
        {
            problems.Add(Invariant($"The history has {won} won and {lost} lost leads; learning needs both, or the model would predict a constant."));
            return;
        }

        if (won < minimumWon)
        {
            problems.Add(Invariant($"The history has {won} won leads, fewer than MinimumWon ({minimumWon})."));
        }

        if (lost < minimumLost)
        {
            problems.Add(Invariant($"The history has {lost} lost leads, fewer than MinimumLost ({minimumLost})."));
        }
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
