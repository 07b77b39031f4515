using System.Collections.Immutable;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Learning.Backtesting;

namespace LeadKit.Learning.NaiveBayes;

/// <summary>
/// A predictive scorer in the style of Odoo's: naive Bayes over the won and lost frequencies of feature values, with
/// Laplace smoothing, a minimum support per value, optional per-segment priors, incremental updates as leads are won
/// or lost, and per-factor explanations. Created by <see cref="NaiveBayesTrainer"/>.
/// </summary>
/// <remarks>
/// <para>For a lead with values <c>v₁..vₖ</c>:
/// <c>log-odds = ln(prior odds) + Σ ln(P(vᵢ | won) / P(vᵢ | lost))</c> with
/// <c>P(v | won) = (won(v) + α) / (W + α·Kᵢ)</c> and <c>P(v | lost) = (lost(v) + α) / (L + α·Kᵢ)</c>, where
/// <c>W</c>, <c>L</c> are the won and lost leads, <c>Kᵢ</c> the number of distinct values of feature i and α the smoothing.
/// A value with fewer than <see cref="NaiveBayesOptions.MinimumSupport"/> leads contributes 0. The prior odds are
/// <c>W / L</c>, or <c>(won + α) / (lost + α)</c> of the lead's segment when segments are used and it has enough support.
/// The probability is <c>1 / (1 + e^−log-odds)</c> with the log-odds clamped to ±35, so it stays strictly between 0 and 1.</para>
/// <para><see cref="Score"/> returns <c>Fit = Total = 100 × probability</c> and <c>Engagement = 0</c>.</para>
/// <para>Thread-safe: scoring reads an immutable snapshot of the counts without locking; <see cref="Observe(HistoricalLead)"/>
/// publishes a new snapshot under a lock (copy-on-write), so concurrent readers see either the old or the new counts, never a mix.</para>
/// </remarks>
public sealed class NaiveBayesScorer : ILeadScorer
{
    private const double LogOddsLimit = 35;
    private readonly LeadFeature[] _features;
    private readonly LeadFeature? _segment;
    private readonly double _smoothing;
    private readonly int _minimumSupport;
    private readonly Lock _gate = new();
    private NaiveBayesState _state;

    internal NaiveBayesScorer(LeadFeature[] features, LeadFeature? segment, double smoothing, int minimumSupport, NaiveBayesState state)
    {
        _features = features;
        _segment = segment;
        _smoothing = smoothing;
        _minimumSupport = minimumSupport;
        _state = state;
        Features = [.. features];
    }

    /// <summary>Gets the features the model uses, in order.</summary>
    public ImmutableArray<LeadFeature> Features { get; }

    /// <summary>Gets the number of won leads the model has seen (training plus observed).</summary>
    public int Won => Volatile.Read(ref _state).Won;

    /// <summary>Gets the number of lost leads the model has seen (training plus observed).</summary>
    public int Lost => Volatile.Read(ref _state).Lost;

    /// <summary>Scores a lead: <c>Total = 100 × P(won)</c>.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">Signals after this moment are ignored.</param>
    /// <returns>The score, with <c>Fit = Total</c> and <c>Engagement = 0</c>.</returns>
    public LeadScore Score(Lead lead, DateTimeOffset asOf)
    {
        var points = 100 * Probability(lead, asOf);
        return new LeadScore(points, 0, points);
    }

    /// <summary>Predicts the probability that a lead will be won.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">Signals after this moment are ignored.</param>
    /// <returns>The probability, strictly between 0 and 1.</returns>
    public double Probability(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var state = Volatile.Read(ref _state);
        var logOdds = PriorLogOdds(state, lead, asOf, out _);
        for (var f = 0; f < _features.Length; f++)
        {
            logOdds += Factor(state, f, _features[f].ValueOf(lead, asOf), out _, out _, out _);
        }

        return Logistic(logOdds);
    }

    /// <summary>Explains a lead's probability: the prior and which values pushed it up or down.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">Signals after this moment are ignored.</param>
    /// <returns>The explanation.</returns>
    public NaiveBayesExplanation Explain(Lead lead, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var state = Volatile.Read(ref _state);
        var prior = PriorLogOdds(state, lead, asOf, out var segment);
        var logOdds = prior;
        var factors = ImmutableArray.CreateBuilder<NaiveBayesFactor>(_features.Length);
        for (var f = 0; f < _features.Length; f++)
        {
            var value = _features[f].ValueOf(lead, asOf);
            var llr = Factor(state, f, value, out var won, out var lost, out var counted);
            logOdds += llr;
            factors.Add(new NaiveBayesFactor(_features[f].Name, value, won, lost, llr, counted));
        }

        return new NaiveBayesExplanation(Logistic(logOdds), prior, segment, factors.MoveToImmutable());
    }

    /// <summary>Adds the outcome of one more lead to the model (when a lead is won or lost). Thread-safe.</summary>
    /// <param name="outcome">The lead, read as of its decision time, and whether it was won.</param>
    public void Observe(HistoricalLead outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var lead = outcome.LeadAsOfDecision();
        var values = new string[_features.Length];
        for (var f = 0; f < values.Length; f++)
        {
            values[f] = _features[f].ValueOf(lead, outcome.DecidedAt);
        }

        var segment = _segment?.ValueOf(lead, outcome.DecidedAt);
        lock (_gate)
        {
            Volatile.Write(ref _state, _state.With(values, segment, outcome.Converted));
        }
    }

    private double PriorLogOdds(NaiveBayesState state, Lead lead, DateTimeOffset asOf, out string? segmentValue)
    {
        segmentValue = null;
        if (_segment is not null && state.Segment is { } segments)
        {
            var value = _segment.ValueOf(lead, asOf);
            var (won, lost) = segments.CountsOf(value);
            if (won + lost >= _minimumSupport)
            {
                segmentValue = value;
                return Math.Log((won + _smoothing) / (lost + _smoothing));
            }
        }

        return Math.Log((double)state.Won / state.Lost);
    }

    private double Factor(NaiveBayesState state, int feature, string value, out int won, out int lost, out bool counted)
    {
        var counts = state.Features[feature];
        (won, lost) = counts.CountsOf(value);
        counted = won + lost >= _minimumSupport;
        if (!counted)
        {
            return 0;
        }

        var k = counts.DistinctValues;
        var pWon = (won + _smoothing) / (state.Won + (_smoothing * k));
        var pLost = (lost + _smoothing) / (state.Lost + (_smoothing * k));
        return Math.Log(pWon / pLost);
    }

    private static double Logistic(double logOdds) => 1 / (1 + Math.Exp(-Math.Clamp(logOdds, -LogOddsLimit, LogOddsLimit)));
}
