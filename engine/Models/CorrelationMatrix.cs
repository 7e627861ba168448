using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CarbonDerivatives.Engine.Models;

/// <summary>Checks a correlation matrix and factors it for simulation.</summary>
public static class CorrelationMatrix
{
    /// <summary>
    /// The lower Cholesky factor L (L·Lᵀ = C) of a positive-definite correlation matrix; row i of L
    /// loads the correlated normal of leg i on the independent ones (MathNet.Numerics Cholesky).
    /// </summary>
    /// <param name="correlation">Symmetric, unit diagonal, entries in [−1, 1], positive definite.</param>
    /// <param name="size">Expected number of rows and columns.</param>
    /// <param name="field">Field name used in errors, e.g. "correlation".</param>
    /// <exception cref="InvalidInputException">"correlation" for a wrong shape; "correlation[i][j]" for an
    /// entry outside [−1, 1], a diagonal other than 1, an asymmetric pair, or (the largest entry in the
    /// first row whose leading minor fails) a matrix that is not positive definite.</exception>
    public static double[,] CholeskyFactor(double[,] correlation, int size, string field = "correlation")
    {
        ArgumentNullException.ThrowIfNull(correlation);
        if (correlation.GetLength(0) != size || correlation.GetLength(1) != size)
            Guard.Fail(field, $"must be {size} x {size}, got {correlation.GetLength(0)} x {correlation.GetLength(1)}");
        for (int i = 0; i < size; i++)
        for (int j = 0; j < size; j++)
        {
            string entry = $"{field}[{i}][{j}]";
            Guard.InRange(correlation[i, j], -1, 1, entry);
            if (i == j && correlation[i, j] != 1) Guard.Fail(entry, $"a diagonal entry must be 1, got {correlation[i, j]}");
            if (j < i && Math.Abs(correlation[i, j] - correlation[j, i]) > 1e-12)
                Guard.Fail(entry, $"must equal correlation[{j}][{i}] = {correlation[j, i]} (symmetric), got {correlation[i, j]}");
        }
        for (int k = 2; k <= size; k++)
        {
            var minor = Matrix<double>.Build.Dense(k, k, (i, j) => correlation[i, j]);
            if (IsPositiveDefinite(minor)) continue;
            int row = k - 1, column = 0;
            for (int j = 1; j < row; j++)
                if (Math.Abs(correlation[row, j]) > Math.Abs(correlation[row, column])) column = j;
            Guard.Fail($"{field}[{row}][{column}]", "makes the correlation matrix not positive definite (|ρ| = 1 or inconsistent correlations)");
        }
        return Matrix<double>.Build.DenseOfArray(correlation).Cholesky().Factor.ToArray();
    }

    private static bool IsPositiveDefinite(Matrix<double> matrix)
    {
        try
        {
            var factor = matrix.Cholesky().Factor;
            // MathNet accepts a zero pivot at rounding level; a correlation that close to ±1 is singular for us.
            for (int i = 0; i < factor.RowCount; i++)
                if (!(factor[i, i] > 1e-8)) return false;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
