namespace LeadKit.Scoring.Model;

/// <summary>
/// When a <see cref="ScoringModel"/> compiles its rules, sums and limits into straight-line code. Every mode gives the
/// same scores, bit for bit; only speed and the moment of the one-off compiling cost (a few milliseconds of one thread)
/// differ. Where the runtime does not compile dynamic code (native AOT), every mode scores from the tables and the
/// model's <see cref="ScoringModel.Compilation"/> is <see cref="ScoringCompilationState.Disabled"/>.
/// </summary>
/// <remarks>
/// <see cref="Background"/> is 0, so a default value (an unset options property) keeps today's behaviour.
/// </remarks>
public enum ScoringCompilationMode
{
    /// <summary>
    /// The default: the model scores from its tables, and once it has given 1,024 scores compiles itself on a pool
    /// thread and then runs the compiled code. A model built for a few leads never pays for compiling.
    /// </summary>
    Background = 0,

    /// <summary>
    /// The model compiles before <see cref="ScoringModelBuilder.Build"/> returns, so the first score already runs the
    /// compiled code; <c>Build()</c> takes a few milliseconds longer. A failure to compile is thrown by <c>Build()</c>.
    /// </summary>
    Eager = 1,

    /// <summary>
    /// The model never compiles and always scores from its tables: for ahead-of-time compiled applications, or where
    /// no code may be generated at run time.
    /// </summary>
    Never = 2,
}
