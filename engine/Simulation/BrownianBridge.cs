using System.Numerics.Tensors;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Brownian-bridge construction of a path on a time grid (Glasserman 2004, §3.1): the first normal
/// fixes W(t_n), the next the midpoint, then the quarter points, breadth first. With Sobol' points the
/// low dimensions — the best-distributed — then carry most of the path's variance.
/// Works on a whole block at once: row j of the input holds normal number j of every path.
/// </summary>
internal sealed class BrownianBridge
{
    private readonly int[] _target, _left, _right;
    private readonly double[] _leftWeight, _rightWeight, _stdDev, _inverseSqrtStep;

    public BrownianBridge(TimeGrid grid)
    {
        int n = grid.Count;
        var t = new double[n + 1];
        grid.Times.CopyTo(t.AsSpan(1));
        _target = new int[n];
        _left = new int[n];
        _right = new int[n];
        _leftWeight = new double[n];
        _rightWeight = new double[n];
        _stdDev = new double[n];
        _inverseSqrtStep = new double[n];
        for (int k = 0; k < n; k++) _inverseSqrtStep[k] = 1 / Math.Sqrt(grid.Steps[k]);

        // Normal 0 sets the end point from W(0) = 0; the rest split intervals breadth first.
        _target[0] = n;
        _stdDev[0] = Math.Sqrt(t[n]);
        var pending = new Queue<(int Left, int Right)>();
        pending.Enqueue((0, n));
        int j = 1;
        while (pending.TryDequeue(out var interval))
        {
            var (l, r) = interval;
            if (r - l < 2) continue;
            int m = (l + r) / 2;
            double span = t[r] - t[l];
            _target[j] = m;
            _left[j] = l;
            _right[j] = r;
            _leftWeight[j] = (t[r] - t[m]) / span;
            _rightWeight[j] = (t[m] - t[l]) / span;
            _stdDev[j] = Math.Sqrt((t[m] - t[l]) * (t[r] - t[m]) / span);
            j++;
            pending.Enqueue((l, m));
            pending.Enqueue((m, r));
        }
    }

    /// <summary>Number of steps (= normals per path).</summary>
    public int Size => _target.Length;

    /// <summary>
    /// Turns <paramref name="normals"/> (Size rows of <paramref name="width"/> independent normals, in
    /// importance order) into standardised increments in place: row k becomes (W(t_{k+1}) − W(t_k)) / √Δt_k.
    /// <paramref name="path"/> is scratch of (Size + 1) rows.
    /// </summary>
    public void Transform(Span<double> normals, Span<double> path, int width)
    {
        int n = Size;
        Span<double> Row(Span<double> m, int i) => m.Slice(i * width, width);

        Row(path, 0).Clear();
        TensorPrimitives.Multiply(Row(normals, 0), _stdDev[0], Row(path, n));
        for (int j = 1; j < n; j++)
        {
            var target = Row(path, _target[j]);
            TensorPrimitives.Multiply(Row(normals, j), _stdDev[j], target);
            Simd.SimdMath.MultiplyAdd(Row(path, _left[j]), _leftWeight[j], target, target);
            Simd.SimdMath.MultiplyAdd(Row(path, _right[j]), _rightWeight[j], target, target);
        }
        for (int k = 0; k < n; k++)
        {
            var increment = Row(normals, k);
            TensorPrimitives.Subtract(Row(path, k + 1), Row(path, k), increment);
            TensorPrimitives.Multiply(increment, _inverseSqrtStep[k], increment);
        }
    }
}
