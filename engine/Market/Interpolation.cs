namespace CarbonDerivatives.Engine.Market;

/// <summary>Shared one-dimensional interpolation kernels for curves; inputs are trusted.</summary>
internal static class Interpolation
{
    /// <summary>
    /// Index i of the segment [xs[i], xs[i+1]] that contains x, clamped to [0, Length − 2];
    /// requires at least two strictly increasing abscissae.
    /// </summary>
    internal static int Segment(ReadOnlySpan<double> xs, double x)
    {
        int index = xs.BinarySearch(x);
        if (index < 0) index = ~index - 1; // insertion point minus one: left end of the segment
        return Math.Clamp(index, 0, xs.Length - 2);
    }

    /// <summary>Linear interpolation of ys over xs, held flat outside [xs[0], xs[^1]].</summary>
    internal static double LinearFlat(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double x)
    {
        if (xs.Length == 1 || x <= xs[0]) return ys[0];
        if (x >= xs[^1]) return ys[^1];
        int i = Segment(xs, x);
        double weight = (x - xs[i]) / (xs[i + 1] - xs[i]);
        return ys[i] + weight * (ys[i + 1] - ys[i]);
    }
}
