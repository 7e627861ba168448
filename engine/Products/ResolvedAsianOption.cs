using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// An <see cref="AsianOption"/> resolved against a market: numbers only, ready for a pricer.
/// </summary>
public sealed class ResolvedAsianOption
{
    private readonly double[] _fixingTimes;
    private readonly double[] _pastFixings;

    /// <summary>Creates the resolved option; every input is checked and named on failure.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="strike">Strike per tonne; &gt; 0.</param>
    /// <param name="average">Arithmetic or geometric.</param>
    /// <param name="fixingTimes">Years (ACT/365F) to each fixing still to come; positive, strictly increasing.</param>
    /// <param name="pastFixings">Prices already fixed; each &gt; 0.</param>
    /// <param name="forward">Futures price of the averaged future; &gt; 0.</param>
    /// <param name="volatility">Black volatility per annum, used for every fixing; &gt;= 0.</param>
    /// <param name="discountFactor">Discount factor to settlement (the last fixing); &gt; 0.</param>
    /// <param name="lotSize">Tonnes per lot; &gt; 0.</param>
    /// <exception cref="InvalidInputException">Names the field: "fixingTimes[i]", "pastFixings[i]", ...;
    /// "fixingTimes" when there are no fixings at all.</exception>
    public ResolvedAsianOption(OptionType type, double strike, AverageKind average, IReadOnlyList<double> fixingTimes,
        IReadOnlyList<double> pastFixings, double forward, double volatility, double discountFactor, double lotSize)
    {
        if (!Enum.IsDefined(type)) Guard.Fail("type", $"must be Call or Put, got {(int)type}");
        if (!Enum.IsDefined(average)) Guard.Fail("average", $"must be Arithmetic or Geometric, got {(int)average}");
        ArgumentNullException.ThrowIfNull(fixingTimes);
        ArgumentNullException.ThrowIfNull(pastFixings);
        if (fixingTimes.Count + pastFixings.Count == 0) Guard.Fail("fixingTimes", "must contain at least one fixing");
        _fixingTimes = new double[fixingTimes.Count];
        for (int i = 0; i < fixingTimes.Count; i++)
        {
            _fixingTimes[i] = Guard.Positive(fixingTimes[i], $"fixingTimes[{i}]");
            if (i > 0 && _fixingTimes[i] <= _fixingTimes[i - 1])
                Guard.Fail($"fixingTimes[{i}]", $"must be greater than the previous time {_fixingTimes[i - 1]}, got {_fixingTimes[i]}");
        }
        _pastFixings = new double[pastFixings.Count];
        for (int i = 0; i < pastFixings.Count; i++) _pastFixings[i] = Guard.Positive(pastFixings[i], $"pastFixings[{i}]");
        Type = type;
        Strike = Guard.Positive(strike, "strike");
        Average = average;
        Forward = Guard.Positive(forward, "forward");
        Volatility = Guard.NonNegative(volatility, "volatility");
        DiscountFactor = Guard.Positive(discountFactor, "discountFactor");
        LotSize = Guard.Positive(lotSize, "lotSize");
    }

    /// <summary>Call or put.</summary>
    public OptionType Type { get; }

    /// <summary>Strike per tonne.</summary>
    public double Strike { get; }

    /// <summary>Arithmetic or geometric average.</summary>
    public AverageKind Average { get; }

    /// <summary>Years to each remaining fixing, strictly increasing (empty when all have fixed).</summary>
    public ReadOnlySpan<double> FixingTimes => _fixingTimes;

    /// <summary>Prices already fixed.</summary>
    public ReadOnlySpan<double> PastFixings => _pastFixings;

    /// <summary>All fixings, past and future: the N of the average.</summary>
    public int FixingCount => _fixingTimes.Length + _pastFixings.Length;

    /// <summary>Years to expiry (the last fixing); 0 when every fixing is past.</summary>
    public double Expiry => _fixingTimes.Length > 0 ? _fixingTimes[^1] : 0;

    /// <summary>Futures price of the averaged future.</summary>
    public double Forward { get; }

    /// <summary>Black volatility per annum.</summary>
    public double Volatility { get; }

    /// <summary>Discount factor to settlement.</summary>
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

    /// <summary>Σ of the past fixings.</summary>
    internal double PastSum => _pastFixings.Sum();

    /// <summary>Σ ln of the past fixings.</summary>
    internal double PastLogSum => _pastFixings.Sum(Math.Log);
}
