using System.Globalization;
using LeadKit.Abstractions.Leads;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.Scorecards;
using LeadKit.Testing;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Xunit.Abstractions;

namespace LeadKit.Scoring.CrossCheck.Tests.Learning.Scorecards;

/// <summary>
/// The same data through LeadKit's Newton fit and ML.NET's L-BFGS logistic regression with the same L2 penalty:
/// both minimise <c>Σ log-loss + λ/2 ‖w‖²</c> with an unpenalised bias, so they must agree.
/// Tolerances: AUC within 0.01 (the bar; measured below 1e-6), every coefficient and the intercept within 1e-3
/// absolute (measured at most 9e-6; ML.NET optimises in single precision, so exact equality is not expected).
/// </summary>
public sealed class ScorecardTrainerCrossCheckTests(ITestOutputHelper output)
{
    private const double AucTolerance = 0.01;
    private const double CoefficientTolerance = 1e-3;

    [Theory]
    [InlineData(5_000, 12, 1.0, 1)]
    [InlineData(8_000, 30, 0.5, 2)]
    [InlineData(3_000, 20, 5.0, 3)]
    public void Train_SameDataAsMlNet_GivesTheSameCoefficientsAndAuc(int count, int conditionCount, double l2, int seed)
    {
        var (history, conditions) = Synthetic(count, conditionCount, seed);
        var scorecard = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = l2 }).Train(history);

        var features = history.Select(h => conditions.Select(c => c.IsMet(h.Lead, h.DecidedAt) ? 1f : 0f).ToArray()).ToArray();
        var labels = history.Select(h => h.Converted).ToArray();
        var (weights, bias, mlNetScores) = FitMlNet(features, labels, l2);

        var ours = history.Select(h => scorecard.Probability(h.Lead, h.DecidedAt)).ToArray();
        var oursAuc = RocAuc.Compute(ours, labels);
        var mlNetAuc = RocAuc.Compute(mlNetScores, labels);
        var largest = Math.Abs(scorecard.Intercept - bias);
        for (var j = 0; j < conditions.Length; j++)
        {
            largest = Math.Max(largest, Math.Abs(scorecard.Entries[j].Coefficient - weights[j]));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"n={count}, conditions={conditionCount}, L2={l2}: AUC LeadKit {oursAuc:F6}, ML.NET {mlNetAuc:F6}; largest coefficient difference {largest:E2}; LeadKit Newton iterations {scorecard.Iterations}"));
        Assert.InRange(Math.Abs(oursAuc - mlNetAuc), 0, AucTolerance);
        Assert.Equal(bias, scorecard.Intercept, CoefficientTolerance);
        for (var j = 0; j < conditions.Length; j++)
        {
            Assert.Equal(weights[j], scorecard.Entries[j].Coefficient, CoefficientTolerance);
        }
    }

    private static (float[] Weights, double Bias, double[] Scores) FitMlNet(float[][] features, bool[] labels, double l2)
    {
        var ml = new MLContext(seed: 1);
        var rows = features.Select((f, i) => new Row { Label = labels[i], Features = f }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].Length);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = (float)l2,
            L1Regularization = 0,
            OptimizationTolerance = 1e-10f,
            MaximumNumberOfIterations = 10_000,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        var linear = model.Model.SubModel;
        var weights = linear.Weights.ToArray();
        var scores = ml.Data.CreateEnumerable<Scored>(model.Transform(data), reuseRowObject: false).Select(s => (double)s.Score).ToArray();
        return (weights, linear.Bias, scores);
    }

    /// <summary>
    /// Leads with boolean custom fields c0..c(k−1), correlated (each copies the previous one 30% of the time), and an
    /// outcome drawn from a logistic model with seeded random coefficients in [−1.5, 1.5].
    /// </summary>
    private static (List<HistoricalLead> History, LeadCondition[] Conditions) Synthetic(int count, int conditionCount, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, conditionCount).Select(j => new CustomFieldKey($"c{j}")).ToArray();
        var truth = Enumerable.Range(0, conditionCount).Select(_ => (random.NextDouble() * 3) - 1.5).ToArray();
        var history = new List<HistoricalLead>(count);
        for (var i = 0; i < count; i++)
        {
            var builder = LeadBuilder.New($"x-{seed}-{i}");
            var logOdds = -1.0;
            var previous = false;
            for (var j = 0; j < conditionCount; j++)
            {
                var value = j > 0 && random.NextDouble() < 0.3 ? previous : random.NextDouble() < 0.2 + (0.5 * j / conditionCount);
                builder.WithField(keys[j].Value!, CustomFieldValue.FromBoolean(value));
                logOdds += value ? truth[j] : 0;
                previous = value;
            }

            history.Add(new HistoricalLead(builder.Build(), LeadBuilder.Now, random.NextDouble() < 1 / (1 + Math.Exp(-logOdds))));
        }

        var conditions = keys.Select(key => LeadCondition.Create(key.Value!, (lead, _) => lead.TryGetCustomField(key, out var v) && v.Boolean)).ToArray();
        return (history, conditions);
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class Scored
    {
        public float Score { get; set; }
    }
}
