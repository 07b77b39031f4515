using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Funnel.Tests.Support;

/// <summary>A fake scorer: one engagement point per signal at or before asOf, so tests control the score by the signals they add.</summary>
internal sealed class SignalCountScorer : ILeadScorer
{
    public LeadScore Score(Lead lead, DateTimeOffset asOf)
    {
        var points = 0;
        foreach (var signal in lead.Signals)
        {
            if (signal.OccurredAt <= asOf)
            {
                points++;
            }
        }

        return new LeadScore(0, points, points);
    }
}
