namespace LeadKit.Funnel.Tests.Support;

/// <summary>One random step of a model-based test: which trigger, how qualified the lead is, whether a reason is given, whether it is an override, and how much later.</summary>
/// <param name="TriggerIndex">Index into <see cref="FunnelModel.Triggers"/> (the last one is unknown to the funnel).</param>
/// <param name="Signals">The lead's fake score: 0 unqualified, 1 MQL, 2 SQL.</param>
/// <param name="WithReason">Whether the step gives a reason.</param>
/// <param name="IsOverride">Whether the step asks for an override.</param>
/// <param name="MinutesLater">Minutes after the previous step.</param>
/// <param name="ActorIndex">Index into <see cref="FunnelModel.Actors"/>: the manager (may override), a rep, none, or a blank actor.</param>
public sealed record FunnelStep(int TriggerIndex, int Signals, bool WithReason, bool IsOverride, int MinutesLater, int ActorIndex = 0);
