using LeadKit.Metrics.Inputs;

namespace LeadKit.Metrics.DataQuality;

/// <summary>One problem found in one input record.</summary>
/// <param name="Record">The kind of record.</param>
/// <param name="RecordId">The record's id (lead id for <see cref="LeadJourney"/>, deal id, or account id).</param>
/// <param name="Kind">The problem.</param>
/// <param name="Detail">A sentence naming the values involved, e.g. the two instants that are out of order.</param>
public sealed record DataQualityIssue(RecordKind Record, string RecordId, DataQualityIssueKind Kind, string Detail)
{
    /// <summary>Formats the issue, e.g. <c>LeadJourney b91c...: WonBeforeCreation (...)</c>.</summary>
    /// <returns>The formatted issue.</returns>
    public override string ToString() => $"{Record} {RecordId}: {Kind} ({Detail})";
}
