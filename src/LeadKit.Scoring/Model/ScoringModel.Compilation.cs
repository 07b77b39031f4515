using System.Runtime.CompilerServices;
using LeadKit.Scoring.Diagnostics;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Model;

/// <content>
/// When the model compiles its kernel (<see cref="ScoringCompilationMode"/>) and how that went
/// (<see cref="Compilation"/>, <see cref="CompilationFailed"/>, the <c>leadkit.scoring.compilation_failures</c> counter).
/// The compiled code gives the same scores as the tables, bit for bit, so compiling changes only speed.
/// </content>
public sealed partial class ScoringModel
{
    /// <summary>The scores (leads) a model gives from its tables before it compiles itself in the background.</summary>
    internal const int ScoresBeforeCompiling = 1024;

    // The compiled kernel: null until compiled, and always where the runtime does not compile dynamic code or the mode is
    // Never; the tables give the same points meanwhile. Published with Volatile.Write, read with Volatile.Read.
    private CompiledKernel? _compiled;

    // Scores left before compiling in the background; 0 or less once started, or when the model does not compile so.
    private int _scoresBeforeCompiling;

    private ScoringCompilationStatus _compilation;

    /// <summary>
    /// Occurs once if compiling in the background fails (<see cref="ScoringCompilationMode.Background"/>): the model
    /// keeps scoring from its tables, which give the same scores, and does not try again. Raised on the pool thread that
    /// compiled, after <see cref="Compilation"/> shows the failure; like any code on a pool thread, a handler must not
    /// throw (that ends the process).
    /// </summary>
    public event EventHandler<ScoringCompilationFailedEventArgs>? CompilationFailed;

    /// <summary>Gets where the model's compiling stands, and after a failure the exception.</summary>
    public ScoringCompilationStatus Compilation => Volatile.Read(ref _compilation);

    /// <summary>
    /// A test hook, called with the model at the start of every compile: a test that makes it throw sees how a failed
    /// compile is reported. Null outside tests.
    /// </summary>
    internal static Action<ScoringModel>? CompilationFaultForTests { get; set; }

    /// <summary>Gets a value indicating whether the built-in rules run as compiled straight-line code.</summary>
    internal bool HasCompiledRules => Volatile.Read(ref _compiled)?.Rules is not null;

    /// <summary>Gets a value indicating whether the signal rules' points run as compiled straight-line code.</summary>
    internal bool HasCompiledSignalPoints => Volatile.Read(ref _compiled)?.Signals is not null;

    /// <summary>Compiles the model now, on the calling thread (the tests use it to compare both forms).</summary>
    internal void CompileNow()
    {
        Volatile.Write(ref _scoresBeforeCompiling, 0);
        CompilationFaultForTests?.Invoke(this);
        Volatile.Write(ref _compiled, CompiledKernel.Compile(_tables, _sums, _signalPass));
        Volatile.Write(ref _compilation, RuntimeFeature.IsDynamicCodeCompiled ? ScoringCompilationStatus.Compiled : ScoringCompilationStatus.Disabled);
    }

    /// <summary>Applies the mode when the model is built: compiles now, arms the background count, or disables compiling.</summary>
    private void StartCompilation(ScoringCompilationMode mode)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || mode == ScoringCompilationMode.Never)
        {
            _compilation = ScoringCompilationStatus.Disabled;
        }
        else if (mode == ScoringCompilationMode.Eager)
        {
            try
            {
                CompileNow();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Reported like a background failure, then thrown: the caller asked for compiled code before Build returns.
                Failed(ex);
                throw;
            }
        }
        else
        {
            _scoresBeforeCompiling = ScoresBeforeCompiling;
        }
    }

    /// <summary>Counts a score towards compiling the model, and gives the compiled kernel if there is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private CompiledKernel? CompiledForScoring()
    {
        CountTowardsCompiling();
        return Volatile.Read(ref _compiled);
    }

    /// <summary>
    /// Counts a score towards compiling the model. Its code takes a few milliseconds to compile, ten times the rest of
    /// <c>Build()</c>, and pays off only over many leads (about 100 ns each), so in the background mode a model compiles
    /// itself once it has given <see cref="ScoresBeforeCompiling"/> scores, and scores from its tables meanwhile (the
    /// same points, bit for bit). Only the score that reaches the count starts the work; after it, this is one read.
    /// </summary>
    private void CountTowardsCompiling()
    {
        if (Volatile.Read(ref _scoresBeforeCompiling) > 0 && Interlocked.Decrement(ref _scoresBeforeCompiling) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static model => model.CompileInBackground(), this, preferLocal: false);
        }
    }

    /// <summary>
    /// Compiles the model on a pool thread. A failure there would end the process, so it is reported instead (status,
    /// counter, event), and the model keeps scoring from its tables, which give the same scores.
    /// </summary>
    private void CompileInBackground()
    {
        try
        {
            CompileNow();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Failed(ex);
            CompilationFailed?.Invoke(this, new ScoringCompilationFailedEventArgs(ex));
        }
    }

    private void Failed(Exception exception)
    {
        Volatile.Write(ref _compilation, new ScoringCompilationStatus(ScoringCompilationState.Failed, exception));
        _instruments.CompilationFailures.Add(1, _modelTag, new KeyValuePair<string, object?>("error.type", exception.GetType().FullName));
    }
}
