namespace LeadKit.Scoring.Model;

/// <summary>One problem found while validating a scoring model or a JSON rule set.</summary>
/// <param name="Path">Where the problem is, e.g. <c>rules[3].points</c> (builder) or <c>$.rules[3].points</c> (JSON).</param>
/// <param name="Message">What is wrong, e.g. <c>must be a finite number</c>. Never contains lead data.</param>
public sealed record ScoringProblem(string Path, string Message)
{
    /// <summary>Returns <c>"path: message"</c>.</summary>
    /// <returns>The problem as one line.</returns>
    public override string ToString() => Path + ": " + Message;
}
