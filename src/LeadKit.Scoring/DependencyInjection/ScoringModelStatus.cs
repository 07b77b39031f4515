using System.Collections.Immutable;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>The model in use under one name, and the problems of the last rejected reload, if any.</summary>
/// <param name="Name">The model's registration name.</param>
/// <param name="Model">The model in use.</param>
/// <param name="LastRejection">The problems of the last rejected reload (empty when none was rejected).</param>
/// <param name="LastRejectedAt">When the last reload was rejected, or <see langword="null"/>.</param>
public sealed record ScoringModelStatus(string Name, ScoringModel Model, ImmutableArray<ScoringProblem> LastRejection, DateTimeOffset? LastRejectedAt);
