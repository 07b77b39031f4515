using System.Collections.Immutable;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>The model in use under one name, and the problems of the last reload when it was rejected.</summary>
/// <param name="Name">The model's registration name.</param>
/// <param name="Model">The model in use.</param>
/// <param name="LastRejection">The problems of the last reload when it was rejected; empty when none was, or when a later reload succeeded.</param>
/// <param name="LastRejectedAt">When the last reload was rejected; <see langword="null"/> when none was, or when a later reload succeeded.</param>
public sealed record ScoringModelStatus(string Name, ScoringModel Model, ImmutableArray<ScoringProblem> LastRejection, DateTimeOffset? LastRejectedAt);
