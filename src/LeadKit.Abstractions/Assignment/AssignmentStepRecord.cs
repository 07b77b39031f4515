namespace LeadKit.Abstractions.Assignment;

/// <summary>One step that ran while routing a lead, and what it concluded.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Outcome">What it concluded, in words (e.g. "rule 'dach-enterprise' matched; team emea").</param>
public readonly record struct AssignmentStepRecord(string Step, string Outcome);
