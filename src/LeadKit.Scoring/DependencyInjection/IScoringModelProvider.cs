using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Configuration.Reload;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;

namespace LeadKit.Scoring.DependencyInjection;

/// <summary>
/// Gives the current model of each registered name and follows its <see cref="ScoringModelOptions"/>: every change is
/// compiled, and applied only when valid (the model and its thresholds swap together). Built on
/// <see cref="ReloadableRegistry{TValue}"/>; thread-safe.
/// </summary>
/// <remarks>
/// Telemetry (meter and activity source <c>LeadKit.Scoring</c>): the counter <c>leadkit.scoring.model_reloads</c>
/// ({document}) counts every definition compiled, tagged <c>leadkit.model</c> (the registration name) and
/// <c>leadkit.outcome</c> (<c>applied</c> or <c>rejected</c>); each compilation is an activity
/// <c>leadkit.scoring.model_reload</c> with the same tags. No lead data is ever tagged.
/// </remarks>
public interface IScoringModelProvider
{
    /// <summary>Raised when a model's definition was rejected (on start or on a reload); the model in use stays in use.</summary>
    event EventHandler<ReloadRejectedEventArgs>? ModelRejected;

    /// <summary>Gets the registered model names.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Gets the model currently in use under <paramref name="name"/>.</summary>
    /// <param name="name">The registration name (<c>default</c> for the model registered without a name).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ConfigurationException">No definition of the model has been valid yet; lists the latest one's problems.</exception>
    /// <exception cref="KeyNotFoundException">No model is registered under that name.</exception>
    ScoringModel GetModel(string name);

    /// <summary>Gets a scorer that always uses the current model of <paramref name="name"/>.</summary>
    /// <param name="name">The registration name.</param>
    /// <returns>The scorer; the same instance for every call with the same name.</returns>
    /// <exception cref="KeyNotFoundException">No model is registered under that name.</exception>
    ILeadScorer GetScorer(string name);

    /// <summary>Gets the status of a model: the version and load time of the definition in use, and the latest rejection.</summary>
    /// <param name="name">The registration name.</param>
    /// <returns>The status.</returns>
    /// <exception cref="KeyNotFoundException">No model is registered under that name.</exception>
    ReloadStatus GetStatus(string name);
}
