using System.Collections.Immutable;
using System.Globalization;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Decay;

/// <summary>
/// How engagement points lose weight as a signal ages. The factor is always in [0, 1] and never increases with
/// age, so decay never changes the sign of points and older signals never count more than newer ones.
/// </summary>
/// <remarks>
/// <para>Age is <c>asOf - signal.OccurredAt</c>; signals after <c>asOf</c> are ignored by the model.</para>
/// <list type="bullet">
/// <item><see cref="DecayKind.None"/>: <c>f(age) = 1</c>.</item>
/// <item><see cref="DecayKind.Linear"/>: <c>f(age) = max(0, 1 - age / lifetime)</c>.</item>
/// <item><see cref="DecayKind.Exponential"/>: <c>f(age) = 2^(-age / halfLife)</c>, within 2 units in the last place and the
/// same on every platform (computed without the C library), and 0 from 1,020 half-lives on.</item>
/// <item><see cref="DecayKind.Step"/>: <c>f(age) = factor of the last step with step.After &lt;= age</c>, 1 before the first.</item>
/// <item><see cref="DecayKind.SlidingWindow"/>: <c>f(age) = age &lt;= window ? 1 : 0</c>.</item>
/// </list>
/// Immutable and thread-safe. The factories refuse invalid parameters, so every instance gives factors in [0, 1].
/// </remarks>
public sealed class DecayFunction
{
    private DecayFunction(DecayKind kind, TimeSpan duration, ImmutableArray<DecayStep> steps)
    {
        Kind = kind;
        Duration = duration;
        Steps = steps;
    }

    /// <summary>Gets the function that never decays.</summary>
    public static DecayFunction None { get; } = new(DecayKind.None, TimeSpan.Zero, []);

    /// <summary>Gets the kind of decay.</summary>
    public DecayKind Kind { get; }

    /// <summary>Gets the lifetime (linear), half-life (exponential) or window (sliding window); zero otherwise.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Gets the steps of a step decay, ordered by age; empty otherwise.</summary>
    public ImmutableArray<DecayStep> Steps { get; }

    /// <summary>Creates a linear decay reaching 0 at <paramref name="lifetime"/>.</summary>
    /// <param name="lifetime">The age at which points reach 0; must be positive.</param>
    /// <returns>The decay function.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is zero or negative (its factor would be NaN or above 1).</exception>
    public static DecayFunction Linear(TimeSpan lifetime) => new(DecayKind.Linear, Positive(lifetime, nameof(lifetime)), []);

    /// <summary>Creates an exponential decay that halves the points every <paramref name="halfLife"/>.</summary>
    /// <param name="halfLife">The half-life; must be positive.</param>
    /// <returns>The decay function.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="halfLife"/> is zero or negative.</exception>
    public static DecayFunction HalfLife(TimeSpan halfLife) => new(DecayKind.Exponential, Positive(halfLife, nameof(halfLife)), []);

    /// <summary>Creates a step decay.</summary>
    /// <param name="steps">At least one step, by increasing positive age, with non-increasing factors in [0, 1].</param>
    /// <returns>The decay function.</returns>
    /// <exception cref="ArgumentException">The steps break one of those rules; the message names the step.</exception>
    public static DecayFunction Step(params ReadOnlySpan<DecayStep> steps)
    {
        var problems = new List<ConfigurationProblem>();
        CheckSteps(steps, "decay", problems);
        return problems.Count == 0
            ? new(DecayKind.Step, TimeSpan.Zero, [.. steps])
            : throw new ArgumentException($"{problems[0].Path}: {problems[0].Message}.", nameof(steps));
    }

    /// <summary>Creates a sliding window: full points while the signal is at most <paramref name="window"/> old, none after.</summary>
    /// <param name="window">The window; must be positive.</param>
    /// <returns>The decay function.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is zero or negative.</exception>
    public static DecayFunction SlidingWindow(TimeSpan window) => new(DecayKind.SlidingWindow, Positive(window, nameof(window)), []);

    /// <summary>Computes the factor for a signal of the given age (negative ages count as 0).</summary>
    /// <param name="age">The signal's age.</param>
    /// <returns>A factor in [0, 1].</returns>
    public double Factor(TimeSpan age) => Compile().Factor(Math.Max(0, age.Ticks));

    /// <inheritdoc />
    public override string ToString() => Kind.Describe(this);

    /// <summary>Reports every broken rule of a step decay's steps under <paramref name="path"/> (<c>.steps[i].afterDays</c>, <c>.factor</c>).</summary>
    internal static void CheckSteps(ReadOnlySpan<DecayStep> steps, string path, ICollection<ConfigurationProblem> problems)
    {
        if (steps.IsEmpty)
        {
            problems.Add(new(path + ".steps", ConfigurationProblemCodes.Required, "must have at least one step"));
            return;
        }

        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var stepPath = string.Create(CultureInfo.InvariantCulture, $"{path}.steps[{i}]");
            if (step.After <= TimeSpan.Zero || (i > 0 && step.After <= steps[i - 1].After))
            {
                problems.Add(new(stepPath + ".afterDays", ConfigurationProblemCodes.OutOfRange, "must be positive and larger than the previous step's"));
            }

            if (!double.IsFinite(step.Factor) || step.Factor < 0 || step.Factor > 1 || (i > 0 && step.Factor > steps[i - 1].Factor))
            {
                problems.Add(new(stepPath + ".factor", ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be in [0, 1] and not larger than the previous step's (was {step.Factor})")));
            }
        }
    }

    /// <summary>Reduces the function to the engine's curve and numbers (the kind's descriptor does it).</summary>
    internal CompiledDecay Compile() => Kind.Compile(this);

    private static TimeSpan Positive(TimeSpan duration, string parameterName)
        => duration > TimeSpan.Zero
            ? duration
            : throw new ArgumentOutOfRangeException(parameterName, string.Create(CultureInfo.InvariantCulture, $"{parameterName} must be positive (was {duration.TotalDays} days)."));
}
