namespace LeadKit.Scoring.Model;

/// <summary>Where a <see cref="ScoringModel"/>'s compiling stands (see <see cref="ScoringCompilationMode"/>).</summary>
public enum ScoringCompilationState
{
    /// <summary>Not compiled yet: the model scores from its tables and compiles in the background after enough scores.</summary>
    Pending = 0,

    /// <summary>Compiled: the model runs straight-line code.</summary>
    Compiled = 1,

    /// <summary>
    /// Compiling failed (<see cref="ScoringCompilationStatus.Exception"/> says why): the model keeps scoring from its
    /// tables, which give the same scores, and does not try again.
    /// </summary>
    Failed = 2,

    /// <summary>
    /// The model never compiles: <see cref="ScoringCompilationMode.Never"/>, or the runtime does not compile dynamic code.
    /// </summary>
    Disabled = 3,
}
