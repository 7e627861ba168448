namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Count, means and centred co-moments of (payoff Y, control X), merged pairwise with the formulas of
/// Chan, Golub &amp; LeVeque (1979) — stable where raw sums of squares would cancel. The sums of one block run in
/// sixteen interleaved lanes combined in a fixed order (<see cref="LaneSum"/>): the same bits with AVX2, AVX-512
/// or no vector unit at all.
/// </summary>
/// <param name="Count">Samples.</param>
/// <param name="MeanY">Mean of Y.</param>
/// <param name="MeanX">Mean of X (0 without a control).</param>
/// <param name="Syy">Σ (Y − mean)².</param>
/// <param name="Sxx">Σ (X − mean)².</param>
/// <param name="Sxy">Σ (X − mean)(Y − mean).</param>
public readonly record struct SampleMoments(long Count, double MeanY, double MeanX, double Syy, double Sxx, double Sxy)
{
    /// <summary>Moments of one sample set with a control, two passes over the values.</summary>
    public static SampleMoments Of(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        int n = y.Length;
        if (n == 0) return default;
        double sumY = 0, sumX = 0;
        for (int i = 0; i < n; i++)
        {
            sumY += y[i];
            sumX += x[i];
        }
        double meanY = sumY / n, meanX = sumX / n, syy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dy = y[i] - meanY, dx = x[i] - meanX;
            syy += dy * dy;
            sxx += dx * dx;
            sxy += dx * dy;
        }
        return new SampleMoments(n, meanY, meanX, syy, sxx, sxy);
    }

    /// <summary>Moments of one sample set without a control: the hot path of a book's measures, sixteen lanes wide.</summary>
    public static SampleMoments Of(ReadOnlySpan<double> y)
    {
        int n = y.Length;
        if (n == 0) return default;
        double mean = LaneSum.Sum(y) / n;
        return new SampleMoments(n, mean, 0, LaneSum.SumOfSquaredDeviations(y, mean), 0, 0);
    }

    /// <summary>The moments of <paramref name="factor"/>·Y (the control left as it is).</summary>
    public SampleMoments Scale(double factor) => factor == 1 ? this : this with
    {
        MeanY = MeanY * factor,
        Syy = Syy * factor * factor,
        Sxy = Sxy * factor,
    };

    /// <summary>The moments of the union of two disjoint sample sets.</summary>
    public SampleMoments Merge(SampleMoments other)
    {
        if (other.Count == 0) return this;
        if (Count == 0) return other;
        long n = Count + other.Count;
        double dy = other.MeanY - MeanY, dx = other.MeanX - MeanX;
        double w = (double)Count * other.Count / n;
        return new SampleMoments(n,
            MeanY + dy * other.Count / n,
            MeanX + dx * other.Count / n,
            Syy + other.Syy + dy * dy * w,
            Sxx + other.Sxx + dx * dx * w,
            Sxy + other.Sxy + dx * dy * w);
    }

    /// <summary>Control-variate coefficient β = Cov(Y, X) / Var(X); zero when X does not vary.</summary>
    public double Beta => Sxx > 0 ? Sxy / Sxx : 0;

    /// <summary>Sample variance of Y.</summary>
    public double VarianceY => Count > 1 ? Syy / (Count - 1) : 0;

    /// <summary>Standard error of the mean of Y.</summary>
    public double StandardErrorY => Count > 0 ? Math.Sqrt(VarianceY / Count) : 0;

    /// <summary>Sample variance of Y − βX (the control-variate residual).</summary>
    public double ResidualVariance => Count > 2 ? Math.Max(Syy - Beta * Sxy, 0) / (Count - 2) : 0;
}
