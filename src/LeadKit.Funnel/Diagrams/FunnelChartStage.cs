namespace LeadKit.Funnel.Diagrams;

/// <summary>One bar of a funnel chart (<see cref="FunnelDiagrams.ToSvg"/>): a display label and how many leads reached the stage.</summary>
/// <remarks>An immutable value; thread-safe. Validated by <see cref="FunnelDiagrams.ToSvg"/>.</remarks>
/// <param name="Label">The text shown for the stage, e.g. <c>MQL</c>; follows <see cref="LeadKit.Abstractions.Common.ConfigurationName"/>.</param>
/// <param name="Count">How many leads reached the stage; not negative.</param>
public sealed record FunnelChartStage(string Label, long Count);
