using System.Diagnostics;
using System.Globalization;
using LeadKit.Abstractions.Leads;

namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// Proves, before anything is timed, that every engine gives exactly the same total for every generated lead.
/// The peer benchmarks refuse to run when it fails. Also runnable alone as the CI smoke mode
/// (<c>dotnet run -c Release --project benchmarks/LeadKit.Benchmarks -- --verify-peers</c>).
/// </summary>
public static class PeerEquivalence
{
    /// <summary>The number of leads the check compares.</summary>
    public const int LeadCount = 10_000;

    /// <summary>The seed of the generated leads.</summary>
    public const int Seed = 2026;

    /// <summary>Scores <see cref="LeadCount"/> generated leads with every engine and throws on the first difference.</summary>
    /// <param name="log">Where progress is written.</param>
    /// <param name="engines">The engines to compare with the hand-written baseline, by name.</param>
    /// <exception cref="InvalidOperationException">An engine's total differs from the baseline's.</exception>
    public static void Verify(TextWriter log, IReadOnlyList<(string Name, Func<Lead, FlatLead, double> Score)> engines)
    {
        var leads = PeerLeadGenerator.Generate(LeadCount, Seed);
        var flat = Array.ConvertAll(leads, l => FlatLead.From(l, PeerLeadGenerator.AsOf));
        var expected = Array.ConvertAll(leads, l => HandWrittenScorer.Score(l, PeerLeadGenerator.AsOf));
        var distinct = expected.Distinct().Count();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Equivalence check: {LeadCount} leads, {distinct} distinct baseline totals (min {expected.Min()}, max {expected.Max()})."));
        foreach (var (name, score) in engines)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < leads.Length; i++)
            {
                var actual = score(leads[i], flat[i]);
                if (actual != expected[i])
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"{name} gave {actual} for lead {leads[i].Id} where the hand-written baseline gave {expected[i]}; the engines do not implement the same rules."));
                }
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} identical on all {LeadCount} leads ({watch.Elapsed.TotalSeconds:F2} s)."));
        }
    }
}
