using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LeadKit.Abstractions.Configuration.Reload;

/// <summary>How a <see cref="ReloadableRegistry{TValue}"/> keeps time and reports: its clock, its counter and its traces.</summary>
/// <remarks>
/// A package passes its own meter (created through <c>IMeterFactory</c>, named <c>LeadKit.&lt;Package&gt;</c>) and its
/// own <see cref="System.Diagnostics.ActivitySource"/>, so reload telemetry appears under the package that reloads.
/// Tags carry the entry's name (a configuration name, never lead data) and the outcome only.
/// </remarks>
public sealed class ReloadableRegistryOptions
{
    /// <summary>Gets the clock for <see cref="ReloadStatus.LoadedAt"/> and <see cref="ReloadRejection.At"/>.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init => field = value ?? throw new ArgumentNullException(nameof(TimeProvider)); } = TimeProvider.System;

    /// <summary>Gets the meter that gets the reload counter; <see langword="null"/> for none.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public Meter? Meter { get; init; }

    /// <summary>
    /// Gets the name of the counter (unit <c>{document}</c>) that counts every document built, tagged with the entry's
    /// name under <see cref="NameTag"/> and <see cref="ReloadTelemetry.OutcomeTag"/> =
    /// <see cref="ReloadTelemetry.Applied"/> or <see cref="ReloadTelemetry.Rejected"/>.
    /// </summary>
    /// <value>Defaults to <c>leadkit.configuration.reloads</c>; a package uses its own prefix, e.g. <c>leadkit.scoring.model_reloads</c>.</value>
    public string CounterName { get; init => field = NotBlank(value, nameof(CounterName)); } = "leadkit.configuration.reloads";

    /// <summary>Gets the tag (and activity tag) that carries the entry's name.</summary>
    /// <value>Defaults to <c>leadkit.name</c>; e.g. <c>leadkit.model</c> for scoring models.</value>
    public string NameTag { get; init => field = NotBlank(value, nameof(NameTag)); } = "leadkit.name";

    /// <summary>Gets the source of one activity per document built; <see langword="null"/> for none.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public ActivitySource? ActivitySource { get; init; }

    /// <summary>Gets the name of the activity started for each document built.</summary>
    /// <value>Defaults to <c>leadkit.reload</c>.</value>
    public string ActivityName { get; init => field = NotBlank(value, nameof(ActivityName)); } = "leadkit.reload";

    private static string NotBlank(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }
}
