using System.Numerics.Tensors;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Steps the fundamental price with an inner stepper, then clamps the settlement to within ±L of the
/// previous settlement (see <see cref="Models.PriceLimitModel"/>). State rows: the inner model's rows,
/// then the previous settlement, then one scratch row for the bound (steppers are shared by threads, so
/// scratch lives in the per-path state). Consumes exactly the inner model's random numbers, so where
/// the limit never binds the paths are bit-identical to the inner model's.
/// </summary>
internal sealed class PriceLimitStepper : IPathStepper
{
    private readonly IPathStepper _inner;
    private readonly double _limit, _initialPrice;
    private readonly double[] _unknownMeans;

    public PriceLimitStepper(IPathStepper inner, double limit, double initialPrice)
    {
        _inner = inner;
        _limit = limit;
        _initialPrice = initialPrice;
        _unknownMeans = new double[inner.ExpectedPrices.Length];
        Array.Fill(_unknownMeans, double.NaN);
    }

    public RandomDemand Demand => _inner.Demand;

    public int StateRows => _inner.StateRows + 2;

    /// <summary>NaN: E[settlement] under limits has no closed form.</summary>
    public ReadOnlySpan<double> ExpectedPrices => _unknownMeans;

    public void Initialize(Span<double> state)
    {
        int paths = state.Length / StateRows, innerLength = paths * _inner.StateRows;
        _inner.Initialize(state[..innerLength]);
        state.Slice(innerLength, paths).Fill(_initialPrice);
    }

    public void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms)
    {
        int paths = price.Length, innerLength = paths * _inner.StateRows;
        _inner.Step(step, state[..innerLength], price, randoms); // price = fundamental F*_{k+1}
        var settlement = state.Slice(innerLength, paths);
        var bound = state.Slice(innerLength + paths, paths);
        TensorPrimitives.Multiply(settlement, 1 + _limit, bound);
        TensorPrimitives.Min(price, bound, price);
        TensorPrimitives.Multiply(settlement, 1 - _limit, bound);
        TensorPrimitives.Max(price, bound, price);
        price.CopyTo(settlement);
    }
}
