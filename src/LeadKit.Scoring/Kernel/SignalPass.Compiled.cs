using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LeadKit.Scoring.Decay;

namespace LeadKit.Scoring.Kernel;

/// <content>
/// The plans' points as straight-line code: one inlined <see cref="Finish{TFactor}"/> per plan with the plan's numbers
/// as constants. The pass over the signals itself stays table-driven; only what each plan does with the codes is
/// compiled, so both forms give every plan the same occurrences and points, bit for bit.
/// </content>
internal sealed partial class SignalPass
{
    // Finish for each kind of decay, closed over its factor without reflection on generic definitions (trim-safe).
    private static readonly MethodInfo FinishNoDecay = new FinishCall(Finish<NoDecay>).Method;
    private static readonly MethodInfo FinishHalfLife = new FinishCall(Finish<HalfLife>).Method;
    private static readonly MethodInfo FinishLinear = new FinishCall(Finish<Linear>).Method;
    private static readonly MethodInfo FinishAnyDecay = new FinishCall(Finish<AnyDecay>).Method;

    /// <summary>Gives every signal plan its occurrences and points from the signals' codes and ages (see <see cref="GivePoints"/>).</summary>
    public delegate void SignalPoints(ref byte codes, int stride, ref long ages, ref long planAges, ref double points, ref int occurrences);

    /// <summary>The signature of <see cref="Finish{TFactor}"/>.</summary>
    private delegate void FinishCall(ref byte codes, int stride, int layer, byte code, int minOccurrences, int maxOccurrences, double rate, CompiledDecay? decay, double pointsPerOccurrence, int slot, int plan, ref long ages, ref long planAges, ref double points, ref int occurrences);

    /// <summary>
    /// Builds the straight-line form of <see cref="GivePoints"/>: one inlined <see cref="Finish{TFactor}"/> per plan,
    /// with the plan's layer, code, occurrence limits, decay, points and slot as constants instead of read from its
    /// <see cref="FinishPlan"/>, and no branch on its kind of decay; <see langword="null"/> without plans or where the
    /// runtime does not compile dynamic code.
    /// </summary>
    public SignalPoints? Compile()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || _finishPlans.Length == 0)
        {
            return null;
        }

        var codes = Expression.Parameter(typeof(byte).MakeByRefType(), "codes");
        var stride = Expression.Parameter(typeof(int), "stride");
        var ages = Expression.Parameter(typeof(long).MakeByRefType(), "ages");
        var planAges = Expression.Parameter(typeof(long).MakeByRefType(), "planAges");
        var points = Expression.Parameter(typeof(double).MakeByRefType(), "points");
        var occurrences = Expression.Parameter(typeof(int).MakeByRefType(), "occurrences");
        var body = new Expression[_finishPlans.Length];
        for (var p = 0; p < body.Length; p++)
        {
            var plan = _finishPlans[p];
            var finish = plan.Kind switch
            {
                DecayCurve.None => FinishNoDecay,
                DecayCurve.Exponential => FinishHalfLife,
                DecayCurve.Linear => FinishLinear,
                _ => FinishAnyDecay,
            };

            // Only the kinds without a formula of their own read the decay.
            var decay = finish == FinishAnyDecay ? plan.Decay : null;
            body[p] = Expression.Call(
                finish,
                [
                    codes, stride, Expression.Constant(plan.Layer), Expression.Constant(plan.Code), Expression.Constant(plan.MinOccurrences),
                    Expression.Constant(plan.MaxOccurrences), Expression.Constant(plan.Rate), Expression.Constant(decay, typeof(CompiledDecay)),
                    Expression.Constant(plan.PointsPerOccurrence), Expression.Constant(plan.Slot), Expression.Constant(p), ages, planAges, points, occurrences,
                ]);
        }

        return Expression.Lambda<SignalPoints>(Expression.Block(body), codes, stride, ages, planAges, points, occurrences).Compile();
    }
}
