namespace LeadKit.Learning.Scorecards;

/// <summary>
/// L2-regularised logistic regression over binary features by Newton's method (iteratively reweighted least squares)
/// with step halving. Deterministic: no randomness, a fixed order of summation.
/// </summary>
/// <remarks>
/// Maximises <c>ℓ(β) = Σᵢ [yᵢ ηᵢ − ln(1 + e^ηᵢ)] − λ/2 Σⱼ≥₁ βⱼ²</c> with <c>ηᵢ = β₀ + Σ_{j active in row i} βⱼ</c>.
/// Each step solves <c>(XᵀWX + λI′) Δ = Xᵀ(y − μ) − λβ′</c> by Cholesky (I′ and β′ leave the intercept unpenalised),
/// halving the step until the objective does not decrease. Rows are stored sparsely (the indices of the features that
/// are 1), so one iteration costs O(Σ kᵢ²) for kᵢ active features per row.
/// </remarks>
internal static class LogisticRegression
{
    public static (double[] Beta, int Iterations) Fit(int[] rowStarts, int[] active, bool[] labels, int features, double l2, int maxIterations, double tolerance)
    {
        var p = features + 1;
        var beta = new double[p];
        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        beta[0] = Math.Log((double)positives / (labels.Length - positives));
        var gradient = new double[p];
        var hessian = new double[p * p];
        var step = new double[p];
        var candidate = new double[p];
        var objective = Objective(beta, rowStarts, active, labels, l2);
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (var r = 0; r < labels.Length; r++)
            {
                var start = rowStarts[r];
                var end = rowStarts[r + 1];
                var eta = beta[0];
                for (var a = start; a < end; a++)
                {
                    eta += beta[active[a] + 1];
                }

                var mu = Sigmoid(eta);
                var residual = (labels[r] ? 1 : 0) - mu;
                var weight = mu * (1 - mu);
                gradient[0] += residual;
                hessian[0] += weight;
                for (var a = start; a < end; a++)
                {
                    var j = active[a] + 1;
                    gradient[j] += residual;
                    hessian[j] += weight; // row 0, column j
                    var row = j * p;
                    for (var b = a; b < end; b++)
                    {
                        hessian[row + active[b] + 1] += weight; // upper triangle (active indices ascend)
                    }
                }
            }

            for (var j = 1; j < p; j++)
            {
                gradient[j] -= l2 * beta[j];
                hessian[(j * p) + j] += l2;
            }

            if (!CholeskySolve(hessian, gradient, step, p))
            {
                throw new InvalidOperationException(
                    "The logistic regression's Hessian is singular: some conditions are collinear or always agree. Set L2 above 0 or remove the redundant conditions.");
            }

            // Step halving keeps every accepted step an improvement, so the fit cannot oscillate or diverge.
            var scale = 1.0;
            double next;
            var halvings = 0;
            while (true)
            {
                for (var j = 0; j < p; j++)
                {
                    candidate[j] = beta[j] + (scale * step[j]);
                }

                next = Objective(candidate, rowStarts, active, labels, l2);
                if (next >= objective - (1e-12 * Math.Abs(objective)) || halvings == 40)
                {
                    break;
                }

                scale /= 2;
                halvings++;
            }

            var largest = 0.0;
            for (var j = 0; j < p; j++)
            {
                largest = Math.Max(largest, Math.Abs(candidate[j] - beta[j]));
                beta[j] = candidate[j];
            }

            objective = next;
            if (!double.IsFinite(objective))
            {
                break;
            }

            if (largest < tolerance)
            {
                return (beta, iteration);
            }
        }

        throw new InvalidOperationException(
            $"The logistic regression did not converge in {maxIterations} iterations; the conditions may separate won from lost leads perfectly. Increase L2 or MaxIterations.");
    }

    private static double Objective(double[] beta, int[] rowStarts, int[] active, bool[] labels, double l2)
    {
        double logLikelihood = 0;
        for (var r = 0; r < labels.Length; r++)
        {
            var eta = beta[0];
            for (var a = rowStarts[r]; a < rowStarts[r + 1]; a++)
            {
                eta += beta[active[a] + 1];
            }

            // y·η − ln(1 + e^η), written to avoid overflow for large |η|.
            logLikelihood += (labels[r] ? eta : 0) - Softplus(eta);
        }

        double penalty = 0;
        for (var j = 1; j < beta.Length; j++)
        {
            penalty += beta[j] * beta[j];
        }

        return logLikelihood - (0.5 * l2 * penalty);
    }

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>Solves A x = b for a symmetric positive-definite A given by its upper triangle (row-major, n×n).</summary>
    private static bool CholeskySolve(double[] a, double[] b, double[] x, int n)
    {
        // Lower factor L (row-major) with A = L Lᵀ, read from the upper triangle: A[i,j] = a[min*n+max].
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(j * n) + i];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(sum > 1e-12))
                    {
                        return false;
                    }

                    l[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[(i * n) + k] * x[k];
            }

            x[i] = sum / l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * x[k];
            }

            x[i] = sum / l[(i * n) + i];
        }

        return true;
    }
}
