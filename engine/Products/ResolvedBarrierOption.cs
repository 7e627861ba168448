using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A <see cref="BarrierOption"/> resolved against a market: numbers only, ready for a pricer.
/// </summary>
public sealed class ResolvedBarrierOption
{
    private readonly double[] _monitoringTimes;

    /// <summary>Creates the resolved option; every input is checked and named on failure.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="strike">Strike per tonne; &gt; 0.</param>
    /// <param name="direction">Up or down.</param>
    /// <param name="knock">In or out.</param>
    /// <param name="barrier">Barrier per tonne; strictly above the forward for Up, strictly below for Down.</param>
    /// <param name="rebate">Rebate per tonne paid at expiry; &gt;= 0.</param>
    /// <param name="expiry">Years to expiry (ACT/365F); &gt;= 0.</param>
    /// <param name="forward">Futures price; &gt; 0.</param>
    /// <param name="volatility">Black volatility per annum; &gt;= 0.</param>
    /// <param name="discountFactor">Discount factor to expiry; &gt; 0.</param>
    /// <param name="lotSize">Tonnes per lot; &gt; 0.</param>
    /// <param name="monitoringTimes">Years to each discrete observation, strictly increasing, the last at
    /// expiry; empty for continuous monitoring.</param>
    /// <exception cref="InvalidInputException">Names the field; "barrier" when it is on the wrong side of
    /// (or at) the forward; "monitoringTimes[i]" / "monitoringTimes" for a bad schedule.</exception>
    public ResolvedBarrierOption(OptionType type, double strike, BarrierDirection direction, BarrierKnock knock, double barrier,
        double rebate, double expiry, double forward, double volatility, double discountFactor, double lotSize,
        IReadOnlyList<double>? monitoringTimes = null)
    {
        if (!Enum.IsDefined(type)) Guard.Fail("type", $"must be Call or Put, got {(int)type}");
        if (!Enum.IsDefined(direction)) Guard.Fail("direction", $"must be Up or Down, got {(int)direction}");
        if (!Enum.IsDefined(knock)) Guard.Fail("knock", $"must be In or Out, got {(int)knock}");
        Type = type;
        Direction = direction;
        Knock = knock;
        Strike = Guard.Positive(strike, "strike");
        Barrier = Guard.Positive(barrier, "barrier");
        Rebate = Guard.NonNegative(rebate, "rebate");
        Expiry = Guard.NonNegative(expiry, "expiry");
        Forward = Guard.Positive(forward, "forward");
        Volatility = Guard.NonNegative(volatility, "volatility");
        DiscountFactor = Guard.Positive(discountFactor, "discountFactor");
        LotSize = Guard.Positive(lotSize, "lotSize");
        if (direction == BarrierDirection.Up ? barrier <= forward : barrier >= forward)
            Guard.Fail("barrier", $"a {direction.ToString().ToLowerInvariant()} barrier must lie strictly {(direction == BarrierDirection.Up ? "above" : "below")} the forward {forward}, got {barrier}");

        _monitoringTimes = [.. monitoringTimes ?? []];
        for (int i = 0; i < _monitoringTimes.Length; i++)
        {
            Guard.Positive(_monitoringTimes[i], $"monitoringTimes[{i}]");
            if (i > 0 && _monitoringTimes[i] <= _monitoringTimes[i - 1])
                Guard.Fail($"monitoringTimes[{i}]", $"must be greater than the previous time {_monitoringTimes[i - 1]}, got {_monitoringTimes[i]}");
        }
        if (_monitoringTimes.Length > 0 && Math.Abs(_monitoringTimes[^1] - expiry) > 1e-12 * Math.Max(expiry, 1))
            Guard.Fail("monitoringTimes", $"the last observation must be at expiry {expiry}, got {_monitoringTimes[^1]}");
    }

    public OptionType Type { get; }
    public BarrierDirection Direction { get; }
    public BarrierKnock Knock { get; }

    /// <summary>Strike per tonne.</summary>
    public double Strike { get; }

    /// <summary>Barrier per tonne.</summary>
    public double Barrier { get; }

    /// <summary>Rebate per tonne, paid at expiry.</summary>
    public double Rebate { get; }

    /// <summary>Years to expiry (ACT/365F).</summary>
    public double Expiry { get; }

    /// <summary>Futures price.</summary>
    public double Forward { get; }

    /// <summary>Black volatility per annum.</summary>
    public double Volatility { get; }

    /// <summary>Discount factor to expiry.</summary>
    public double DiscountFactor { get; }

    /// <summary>Tonnes per lot.</summary>
    public double LotSize { get; }

    /// <summary>Years to the delivery of the future (on or after the last fixing or expiry): what mean-reverting and compliance dynamics need; 0 when not given.</summary>
    public double Delivery
    {
        get => _delivery;
        init => _delivery = Guard.NonNegative(value, "futuresDelivery");
    }

    private readonly double _delivery;

    /// <summary>True when the barrier is watched continuously (no monitoring times).</summary>
    public bool IsContinuous => _monitoringTimes.Length == 0;

    /// <summary>Years to each discrete observation; empty when continuous.</summary>
    public ReadOnlySpan<double> MonitoringTimes => _monitoringTimes;
}
