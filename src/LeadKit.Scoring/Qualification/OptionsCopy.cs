using LeadKit.Scoring.Temperatures;

namespace LeadKit.Scoring.Qualification;

/// <summary>Copies of options, so a rule set's thresholds are applied without changing the options they came from.</summary>
internal static class OptionsCopy
{
    /// <summary>Copies qualification options; the defaults when <paramref name="options"/> is null.</summary>
    public static QualificationOptions Of(QualificationOptions? options) => options is null ? new() : new()
    {
        MqlRule = options.MqlRule,
        MqlFitThreshold = options.MqlFitThreshold,
        MqlEngagementThreshold = options.MqlEngagementThreshold,
        MqlTotalThreshold = options.MqlTotalThreshold,
        SqlRequiredBant = options.SqlRequiredBant,
        ImmediateIntentSignals = options.ImmediateIntentSignals is null ? null! : [.. options.ImmediateIntentSignals],
        ImmediateIntentMaxAge = options.ImmediateIntentMaxAge,
        BoughtFromCompetitorField = options.BoughtFromCompetitorField,
    };

    /// <summary>Copies temperature options; the defaults when <paramref name="options"/> is null.</summary>
    public static TemperatureOptions Of(TemperatureOptions? options) => options is null ? new() : new()
    {
        HotWithinDays = options.HotWithinDays,
        WarmWithinDays = options.WarmWithinDays,
        ImmediateIntentSignals = options.ImmediateIntentSignals is null ? null! : [.. options.ImmediateIntentSignals],
        ImmediateIntentMaxAge = options.ImmediateIntentMaxAge,
        WarmEngagementScore = options.WarmEngagementScore,
        HotEngagementScore = options.HotEngagementScore,
        Hysteresis = options.Hysteresis,
    };
}
