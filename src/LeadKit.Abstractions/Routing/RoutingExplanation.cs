using System.Text;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Routing;

/// <summary>
/// Why a lead went where it went: every step that ran with its conclusion, and every rep passed over with the
/// reason. Create one and pass it in <see cref="RoutingContext"/> to ask for an explanation.
/// </summary>
/// <remarks>Not thread-safe: use one instance per assignment.</remarks>
public sealed class RoutingExplanation
{
    private readonly List<RoutingStepRecord> _steps = [];
    private readonly List<SkippedRep> _skipped = [];

    /// <summary>Gets the steps that ran, in order.</summary>
    public IReadOnlyList<RoutingStepRecord> Steps => _steps;

    /// <summary>Gets the reps passed over, in the order they were considered.</summary>
    public IReadOnlyList<SkippedRep> Skipped => _skipped;

    /// <summary>Records what a step concluded.</summary>
    /// <param name="step">The step's name.</param>
    /// <param name="outcome">The conclusion in words.</param>
    public void RecordStep(string step, string outcome)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        _steps.Add(new() { Step = step, Outcome = outcome });
    }

    /// <summary>Records a rep that a step passed over.</summary>
    /// <param name="repId">The rep.</param>
    /// <param name="step">The step's name.</param>
    /// <param name="reason">Why the rep was passed over.</param>
    public void RecordSkipped(SalesRepId repId, string step, RepSkipReason reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        _skipped.Add(new() { RepId = repId, Step = step, Reason = reason });
    }

    /// <summary>Forgets everything recorded, so the router can re-decide after a ledger conflict and explain only the decision it kept.</summary>
    public void Reset()
    {
        _steps.Clear();
        _skipped.Clear();
    }

    /// <summary>
    /// Describes the explanation, one line per step and per skipped rep. Reps are numbered in the order they were
    /// skipped, never named: rep ids are often e-mail addresses, and this text ends up in logs. Read
    /// <see cref="Skipped"/> for the ids.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var step in _steps)
        {
            text.Append(step.Step).Append(": ").AppendLine(step.Outcome);
        }

        for (var i = 0; i < _skipped.Count; i++)
        {
            var skipped = _skipped[i];
            text.Append("skipped rep ").Append(i + 1).Append(" of ").Append(_skipped.Count).Append(" in ").Append(skipped.Step).Append(": ").AppendLine(skipped.Reason.ToString());
        }

        return text.ToString();
    }
}
