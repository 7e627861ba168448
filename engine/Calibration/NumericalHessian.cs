using MathNet.Numerics.LinearAlgebra;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// Asymptotic standard errors of a maximum-likelihood estimate: the inverse of the observed information −∇²ℓ at the
/// optimum, the Hessian by central differences. NaN where the information is not positive definite (a parameter on a
/// bound, or not identified).
/// </summary>
internal static class NumericalHessian
{
    /// <param name="logLikelihood">ℓ(θ) in the natural parameters.</param>
    /// <param name="optimum">θ̂.</param>
    /// <param name="steps">The difference step of each parameter (small against its standard error, large against rounding).</param>
    public static Matrix<double> Covariance(Func<double[], double> logLikelihood, double[] optimum, double[] steps)
    {
        int n = optimum.Length;
        var hessian = Matrix<double>.Build.Dense(n, n);
        double At(int a, double da, int b, double db)
        {
            var point = (double[])optimum.Clone();
            point[a] += da;
            point[b] += db;
            return logLikelihood(point);
        }
        double centre = logLikelihood(optimum);
        for (int a = 0; a < n; a++)
        {
            double ha = steps[a];
            hessian[a, a] = (At(a, ha, a, 0) - 2 * centre + At(a, -ha, a, 0)) / (ha * ha);
            for (int b = 0; b < a; b++)
            {
                double hb = steps[b];
                double value = (At(a, ha, b, hb) - At(a, ha, b, -hb) - At(a, -ha, b, hb) + At(a, -ha, b, -hb)) / (4 * ha * hb);
                hessian[a, b] = hessian[b, a] = value;
            }
        }
        var information = -hessian;
        var undefined = Matrix<double>.Build.Dense(n, n, double.NaN);
        if (!information.Enumerate().All(double.IsFinite)) return undefined;
        try
        {
            return information.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(n));
        }
        catch (ArgumentException)
        {
            return undefined; // not positive definite
        }
    }

    /// <summary>√ of the covariance's diagonal.</summary>
    public static double[] StandardErrors(Matrix<double> covariance) =>
        [.. Enumerable.Range(0, covariance.RowCount).Select(i => covariance[i, i] >= 0 ? Math.Sqrt(covariance[i, i]) : double.NaN)];
}
