using System.Numerics.Tensors;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Steps several log-price legs on correlated Brownian factors and writes Σ wᵢFᵢ as the price.
/// State rows (block-sized each): [0, n) log-prices xᵢ, [n, 2n) prices Fᵢ, and, when tracking,
/// [2n, 3n) the cumulative independent Brownian motions Eⱼ(t) = Σₖ √Δtₖ εⱼₖ. Leg i's correlated
/// normal zᵢ = Σⱼ Lᵢⱼ εⱼ is built in its price row, which its own one-leg stepper then reads as the
/// Brownian input and overwrites with the new price (each element is read before it is written).
/// </summary>
internal sealed class CorrelatedLegsStepper : IPathStepper
{
    private readonly IPathStepper[] _legs;
    private readonly double[] _forwards, _weights, _sqrtSteps, _expected;
    private readonly double[,] _loadings;
    private readonly bool _jumps;

    /// <param name="legs">One-leg steppers (one Brownian factor each, at most one uniform for the jumps).</param>
    /// <param name="forwards">Fᵢ(0).</param>
    /// <param name="weights">wᵢ.</param>
    /// <param name="loadings">Lower Cholesky factor of the correlation matrix.</param>
    /// <param name="grid">The time grid the legs were prepared for.</param>
    /// <param name="tracksBrownian">Keep Eⱼ in the state.</param>
    public CorrelatedLegsStepper(IPathStepper[] legs, double[] forwards, double[] weights, double[,] loadings, TimeGrid grid, bool tracksBrownian)
    {
        _legs = legs;
        _forwards = forwards;
        _weights = weights;
        _loadings = loadings;
        TracksBrownian = tracksBrownian;
        _sqrtSteps = grid.Steps.ToArray().Select(Math.Sqrt).ToArray();
        _expected = new double[grid.Count];
        for (int i = 0; i < legs.Length; i++)
            Simd.SimdMath.MultiplyAdd(legs[i].ExpectedPrices, weights[i], _expected, _expected);
        _jumps = legs.Any(leg => leg.Demand.Uniforms > 0);
        int n = legs.Length;
        Demand = new RandomDemand(n, _jumps ? n : 0);
    }

    public RandomDemand Demand { get; }

    public int StateRows => (TracksBrownian ? 3 : 2) * LegCount;

    public ReadOnlySpan<double> ExpectedPrices => _expected;

    /// <summary>Number of legs n.</summary>
    public int LegCount => _legs.Length;

    /// <summary>The weights wᵢ.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Whether rows [2n, 3n) hold the cumulative Brownian motions.</summary>
    public bool TracksBrownian { get; }

    /// <summary>State row of the price of leg <paramref name="leg"/>.</summary>
    public int PriceRow(int leg) => LegCount + leg;

    /// <summary>State row of the cumulative Brownian motion of factor <paramref name="factor"/>.</summary>
    public int BrownianRow(int factor) => 2 * LegCount + factor;

    public void Initialize(Span<double> state)
    {
        int b = state.Length / StateRows;
        for (int i = 0; i < _legs.Length; i++)
        {
            _legs[i].Initialize(state.Slice(i * b, b));
            state.Slice(PriceRow(i) * b, b).Fill(_forwards[i]);
        }
        if (TracksBrownian) state.Slice(BrownianRow(0) * b, _legs.Length * b).Clear();
    }

    public void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms)
    {
        int b = price.Length, n = _legs.Length;
        for (int i = 0; i < n; i++)
        {
            var legPrice = state.Slice(PriceRow(i) * b, b);
            TensorPrimitives.Multiply(randoms.Brownian[..b], _loadings[i, 0], legPrice);
            for (int j = 1; j <= i; j++)
                Simd.SimdMath.MultiplyAdd(randoms.Brownian.Slice(j * b, b), _loadings[i, j], legPrice, legPrice);
            var legRandoms = _jumps
                ? new StepRandoms(legPrice, randoms.Uniforms.Slice(i * b, b))
                : new StepRandoms(legPrice, default);
            _legs[i].Step(step, state.Slice(i * b, b), legPrice, legRandoms);
            if (i == 0) TensorPrimitives.Multiply(legPrice, _weights[0], price);
            else Simd.SimdMath.MultiplyAdd(legPrice, _weights[i], price, price);
        }
        if (!TracksBrownian) return;
        for (int j = 0; j < n; j++)
        {
            var cumulative = state.Slice(BrownianRow(j) * b, b);
            Simd.SimdMath.MultiplyAdd(randoms.Brownian.Slice(j * b, b), _sqrtSteps[step], cumulative, cumulative);
        }
    }
}
