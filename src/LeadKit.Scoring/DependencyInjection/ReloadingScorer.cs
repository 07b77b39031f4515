using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>A registered model as an <see cref="ILeadScorer"/>: each call scores with the model in use, so a holder sees every reload.</summary>
internal sealed class ReloadingScorer(ReloadableEntry<ScoringModelSnapshot> entry) : ILeadScorer
{
    public ReloadableEntry<ScoringModelSnapshot> Entry { get; } = entry;

    public LeadScore Score(Lead lead, DateTimeOffset asOf) => Entry.Value.Model.Score(lead, asOf);
}
