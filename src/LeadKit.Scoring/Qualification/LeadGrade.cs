namespace LeadKit.Scoring.Qualification;

/// <summary>
/// A fit x engagement grade such as <c>A1</c>: the letter is fit (A best, C worst), the digit engagement
/// (1 most engaged, 3 least). A1 leads go to sales first; C3 leads stay in nurturing.
/// </summary>
/// <param name="Fit">The fit letter: 'A', 'B' or 'C'.</param>
/// <param name="Engagement">The engagement digit: 1, 2 or 3.</param>
public readonly record struct LeadGrade(char Fit, int Engagement)
{
    /// <summary>Grades a score: <c>A</c> when <c>fit &gt;= fitA</c>, <c>B</c> when <c>fit &gt;= fitB</c>, else <c>C</c>;
    /// <c>1</c> when <c>engagement &gt;= engagement1</c>, <c>2</c> when <c>engagement &gt;= engagement2</c>, else <c>3</c>.</summary>
    /// <param name="score">The score.</param>
    /// <param name="fitA">The fit threshold of A.</param>
    /// <param name="fitB">The fit threshold of B; at most <paramref name="fitA"/>.</param>
    /// <param name="engagement1">The engagement threshold of 1.</param>
    /// <param name="engagement2">The engagement threshold of 2; at most <paramref name="engagement1"/>.</param>
    /// <returns>The grade.</returns>
    public static LeadGrade From(Abstractions.Scoring.LeadScore score, double fitA = 60, double fitB = 30, double engagement1 = 50, double engagement2 = 20)
    {
        if (fitB > fitA || engagement2 > engagement1)
        {
            throw new ArgumentException(FormattableString.Invariant($"Grade thresholds must be ordered: fitB ({fitB}) <= fitA ({fitA}) and engagement2 ({engagement2}) <= engagement1 ({engagement1})."), nameof(score));
        }

        var letter = score.Fit >= fitA ? 'A' : score.Fit >= fitB ? 'B' : 'C';
        var digit = score.Engagement >= engagement1 ? 1 : score.Engagement >= engagement2 ? 2 : 3;
        return new LeadGrade(letter, digit);
    }

    /// <summary>Returns the grade as text, e.g. <c>A1</c>.</summary>
    /// <returns>The grade.</returns>
    public override string ToString() => string.Concat(Fit.ToString(), Engagement.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
