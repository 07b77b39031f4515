namespace LeadKit.Scoring.RuleSets.Documents;

/// <summary>The JSON shape of one rule; which properties apply depends on <see cref="Type"/>.</summary>
internal sealed class RuleDocument
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? Dimension { get; set; }

    public string? Group { get; set; }

    public double? Points { get; set; }

    public ConditionDocument? When { get; set; }

    public Dictionary<string, double>? Sources { get; set; }

    public List<string?>? Signals { get; set; }

    public int? MaxOccurrences { get; set; }

    public int? MinOccurrences { get; set; }

    public double? WindowDays { get; set; }

    public DecayDocument? Decay { get; set; }

    public double? BusinessPoints { get; set; }

    public double? FreeMailPoints { get; set; }

    public List<string?>? FreeMailDomains { get; set; }

    public double? Days { get; set; }
}
