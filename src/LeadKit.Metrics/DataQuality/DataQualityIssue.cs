using System.Globalization;

namespace LeadKit.Metrics.DataQuality;

/// <summary>One problem found in one input record.</summary>
/// <remarks>
/// The record is named by its kind and its position in the input (<see cref="Index"/>), never by its id: apps use
/// e-mail addresses as lead ids, and the issue's text reaches logs and exception messages. <see cref="RecordId"/>
/// keeps the id for the application's own look-up; <see cref="ToString"/> and <see cref="Detail"/> never contain it.
/// </remarks>
public sealed class DataQualityIssue
{
    /// <summary>Gets the kind of record.</summary>
    public required RecordKind Record { get; init; }

    /// <summary>Gets the record's zero-based position in its input (journeys, deals or customers).</summary>
    public required int Index { get; init; }

    /// <summary>Gets the record's id (lead id for <see cref="Inputs.LeadJourney"/>, deal id, or account id); not part of <see cref="ToString"/>.</summary>
    public required string RecordId { get; init; }

    /// <summary>Gets the problem.</summary>
    public required DataQualityIssueKind Kind { get; init; }

    /// <summary>Gets a sentence naming the fields and instants involved, e.g. the two instants that are out of order; never an id or free text.</summary>
    public required string Detail { get; init; }

    /// <summary>Formats the issue without the record's id, e.g. <c>LeadJourney #17: WonBeforeCreation (...)</c>.</summary>
    /// <returns>The formatted issue.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Record} #{Index}: {Kind} ({Detail})");
}
