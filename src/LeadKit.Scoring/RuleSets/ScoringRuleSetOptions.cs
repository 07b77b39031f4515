using System.Diagnostics.Metrics;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.RuleSets;

/// <summary>How a JSON rule set is read: which rule kinds its <c>type</c> names may choose, and the model's clock.</summary>
public sealed class ScoringRuleSetOptions
{
    /// <summary>Gets the rule kinds the document may use (add a plugin kind with <see cref="ScoringRuleKinds.Add(ScoringRuleKind)"/>).</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="ScoringRuleKinds.Default"/>.</value>
    public ScoringRuleKinds? Kinds { get; init; }

    /// <summary>Gets the clock of the compiled model.</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="TimeProvider.System"/>.</value>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Gets the meter factory the compiled model records its measurements through (see <see cref="Model.ScoringModelBuilder.WithMeterFactory"/>).</summary>
    /// <value>Defaults to <see langword="null"/>: the process-wide <c>LeadKit.Scoring</c> meter.</value>
    public IMeterFactory? MeterFactory { get; init; }
}
