using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>Gives the current model of each registered name; reloads JSON rule sets when their options change. Thread-safe.</summary>
public interface IScoringModelProvider
{
    /// <summary>Raised when a reloaded rule set was rejected; the previous model stays in use.</summary>
    event EventHandler<ScoringModelStatus>? ModelRejected;

    /// <summary>Gets the model currently in use under <paramref name="name"/>.</summary>
    /// <param name="name">The registration name (<see cref="ScoringServiceCollectionExtensions.DefaultModelName"/> for the default).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ScoringConfigurationException">The model's first definition is invalid.</exception>
    /// <exception cref="KeyNotFoundException">No model is registered under that name.</exception>
    ScoringModel GetModel(string name);

    /// <summary>Gets a scorer that always uses the current model of <paramref name="name"/>.</summary>
    /// <param name="name">The registration name.</param>
    /// <returns>The scorer.</returns>
    ILeadScorer GetScorer(string name);

    /// <summary>Gets the status of a model: the model in use and the last rejected reload.</summary>
    /// <param name="name">The registration name.</param>
    /// <returns>The status.</returns>
    ScoringModelStatus GetStatus(string name);
}
