namespace LeadKit.Scoring.Model;

/// <summary>A snapshot of a <see cref="ScoringModel"/>'s compiling: its state and, after a failure, the exception.</summary>
public sealed class ScoringCompilationStatus
{
    internal static readonly ScoringCompilationStatus Pending = new(ScoringCompilationState.Pending, null);

    internal static readonly ScoringCompilationStatus Compiled = new(ScoringCompilationState.Compiled, null);

    internal static readonly ScoringCompilationStatus Disabled = new(ScoringCompilationState.Disabled, null);

    internal ScoringCompilationStatus(ScoringCompilationState state, Exception? exception)
    {
        State = state;
        Exception = exception;
    }

    /// <summary>Gets the state.</summary>
    public ScoringCompilationState State { get; }

    /// <summary>Gets the exception that made compiling fail; <see langword="null"/> unless <see cref="State"/> is <see cref="ScoringCompilationState.Failed"/>.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc />
    public override string ToString() => Exception is null ? State.ToString() : $"{State}: {Exception.GetType().Name}";
}
