using LeadKit.Abstractions.Leads;

namespace LeadKit.Benchmarks.Peers;

/// <summary>Every engine of the peer comparison, as a score function over the lead and its flattened form.</summary>
public static class PeerEngines
{
    /// <summary>Creates every engine (LeadKit in code and from JSON, its explanation path, RulesEngine, NRules) for the equivalence check.</summary>
    /// <returns>The engines by name.</returns>
    public static IReadOnlyList<(string Name, Func<Lead, FlatLead, double> Score)> All()
    {
        var rulesEngine = RulesEngineScorer.Create();
        var nrules = NRulesScorer.Create();
        var leadKit = LeadKitReferenceModel.Build();
        var leadKitJson = LeadKitReferenceModel.FromJson();
        var leadKitFlattened = LeadKitFlattenedModel.Build();
        return
        [
            ("LeadKit (built in code)", (lead, _) => leadKit.Score(lead, PeerLeadGenerator.AsOf).Total),
            ("LeadKit (JSON rule set)", (lead, _) => leadKitJson.Score(lead, PeerLeadGenerator.AsOf).Total),
            ("LeadKit explanation", (lead, _) => leadKit.Explain(lead, PeerLeadGenerator.AsOf).Score.Total),
            ("LeadKit (flattened)", (lead, flat) => leadKitFlattened.Score(LeadKitFlattenedModel.ToLead(lead, flat), PeerLeadGenerator.AsOf).Total),
            ("RulesEngine (flattened)", (_, flat) => rulesEngine.Score(flat)),
            ("NRules (flattened)", (_, flat) => nrules.Score(flat)),
        ];
    }
}
