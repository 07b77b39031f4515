namespace LeadKit.Scoring.Kernel;

/// <summary>
/// A model's compiled forms, published together (one reference, so a score never mixes a compiled part with a
/// missing one mid-publication; either form gives the same points anyway). A part is <see langword="null"/> when the
/// model has nothing for it to do or the runtime does not compile dynamic code; the table path runs in its place.
/// </summary>
/// <param name="Rules">The attribute, source and e-mail domain rules.</param>
/// <param name="Totals">The sums and limits.</param>
/// <param name="Signals">The signal plans' points.</param>
internal sealed record CompiledKernel(RuleTables.BuiltInRules? Rules, ScoreTotals.Totals? Totals, SignalPass.SignalPoints? Signals)
{
    /// <summary>Compiles every part of a model, on the calling thread (a few milliseconds for a typical model).</summary>
    public static CompiledKernel Compile(RuleTables rules, ScoreTotals totals, SignalPass signals)
        => new(rules.Compile(), totals.Compile(), signals.Compile());
}
