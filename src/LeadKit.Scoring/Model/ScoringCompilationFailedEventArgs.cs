namespace LeadKit.Scoring.Model;

/// <summary>The data of <see cref="ScoringModel.CompilationFailed"/>.</summary>
public sealed class ScoringCompilationFailedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="ScoringCompilationFailedEventArgs"/> class.</summary>
    /// <param name="exception">The exception that made compiling fail.</param>
    internal ScoringCompilationFailedEventArgs(Exception exception)
    {
        Exception = exception ?? throw new ArgumentNullException(nameof(exception));
    }

    /// <summary>Gets the exception that made compiling fail.</summary>
    public Exception Exception { get; }
}
