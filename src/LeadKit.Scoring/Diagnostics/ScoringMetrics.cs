namespace LeadKit.Scoring.Diagnostics;

/// <summary>
/// The <c>LeadKit.Scoring</c> meter, created through the <see cref="System.Diagnostics.Metrics.IMeterFactory"/> given to
/// <see cref="Model.ScoringModelBuilder.WithMeterFactory"/> (dependency injection passes the container's), else
/// process-wide. Instruments carry only the model name and rule name as tags — never lead data.
/// <list type="bullet">
/// <item><c>leadkit.scoring.leads_scored</c> (counter, {lead}): leads scored, tag <c>leadkit.model</c>.</item>
/// <item><c>leadkit.scoring.rule_failures</c> (counter, {failure}): rules that threw or returned a non-finite number, tags <c>leadkit.model</c>, <c>leadkit.rule</c>.</item>
/// <item><c>leadkit.scoring.model_reloads</c> (counter): model reloads through dependency injection, by outcome, tag <c>leadkit.model</c>.</item>
/// <item><c>leadkit.scoring.compilation_failures</c> (counter, {failure}): models whose compiled form failed to build; they keep scoring from their tables (the same scores), tags <c>leadkit.model</c>, <c>error.type</c> (the exception's type name). The exception itself is in <c>ScoringModel.Compilation</c> and <c>ScoringModel.CompilationFailed</c>.</item>
/// </list>
/// </summary>
public static class ScoringMetrics
{
    /// <summary>The meter name to listen to (e.g. with OpenTelemetry's <c>AddMeter</c>).</summary>
    public const string MeterName = "LeadKit.Scoring";

    /// <summary>The meter's version.</summary>
    public const string MeterVersion = "1.0";
}
