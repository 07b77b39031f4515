using System.Diagnostics.Metrics;

namespace LeadKit.Scoring.Diagnostics;

/// <summary>
/// The <c>LeadKit.Scoring</c> meter. Instruments carry only the model name and rule name as tags — never lead data.
/// <list type="bullet">
/// <item><c>leadkit.scoring.leads_scored</c> (counter, {lead}): leads scored, tag <c>leadkit.model</c>.</item>
/// <item><c>leadkit.scoring.rule_failures</c> (counter, {failure}): rules that threw or returned a non-finite number, tags <c>leadkit.model</c>, <c>leadkit.rule</c>.</item>
/// <item><c>leadkit.scoring.rule_set_rejections</c> (counter, {rejection}): JSON rule sets rejected on load or reload, tag <c>leadkit.model</c>.</item>
/// <item><c>leadkit.scoring.compilation_failures</c> (counter, {failure}): models whose compiled form failed to build; they keep scoring from their tables (the same scores), tags <c>leadkit.model</c>, <c>error.type</c> (the exception's type name). The exception itself is in <c>ScoringModel.Compilation</c> and <c>ScoringModel.CompilationFailed</c>.</item>
/// </list>
/// </summary>
public static class ScoringMetrics
{
    /// <summary>The meter name to listen to (e.g. with OpenTelemetry's <c>AddMeter</c>).</summary>
    public const string MeterName = "LeadKit.Scoring";

    private static readonly Meter Meter = new(MeterName, "1.0");

    internal static Counter<long> LeadsScored { get; } = Meter.CreateCounter<long>("leadkit.scoring.leads_scored", "{lead}", "Leads scored.");

    internal static Counter<long> RuleFailures { get; } = Meter.CreateCounter<long>("leadkit.scoring.rule_failures", "{failure}", "Scoring rules that threw or returned a non-finite number.");

    internal static Counter<long> CompilationFailures { get; } = Meter.CreateCounter<long>("leadkit.scoring.compilation_failures", "{failure}", "Models whose compiled form failed to build; they keep scoring from their tables.");
}
