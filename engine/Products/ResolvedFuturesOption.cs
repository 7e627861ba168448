using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A <see cref="FuturesOption"/> resolved against a market: numbers only, ready for a pricer.
/// </summary>
public sealed record ResolvedFuturesOption
{
    /// <summary>Creates the resolved option; every input is checked and named on failure.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="strike">Strike per tonne; &gt; 0.</param>
    /// <param name="expiry">Years to expiry (ACT/365F); &gt;= 0.</param>
    /// <param name="forward">Futures price of the underlying future; &gt; 0.</param>
    /// <param name="volatility">Black volatility per annum; &gt;= 0.</param>
    /// <param name="discountFactor">Discount factor to the payment date; &gt; 0.</param>
    /// <param name="lotSize">Tonnes per lot; &gt; 0.</param>
    public ResolvedFuturesOption(OptionType type, double strike, double expiry, double forward, double volatility,
        double discountFactor, double lotSize)
    {
        if (!Enum.IsDefined(type)) Guard.Fail("type", $"must be Call or Put, got {(int)type}");
        Type = type;
        Strike = Guard.Positive(strike, "strike");
        Expiry = Guard.NonNegative(expiry, "expiry");
        Forward = Guard.Positive(forward, "forward");
        Volatility = Guard.NonNegative(volatility, "volatility");
        DiscountFactor = Guard.Positive(discountFactor, "discountFactor");
        LotSize = Guard.Positive(lotSize, "lotSize");
        _delivery = Expiry;
    }

    /// <summary>Call or put.</summary>
    public OptionType Type { get; }

    /// <summary>Strike per tonne.</summary>
    public double Strike { get; }

    /// <summary>Years to expiry (ACT/365F).</summary>
    public double Expiry { get; }

    /// <summary>Futures price of the underlying future.</summary>
    public double Forward { get; }

    /// <summary>Black volatility per annum.</summary>
    public double Volatility { get; }

    /// <summary>Discount factor to the payment date.</summary>
    public double DiscountFactor { get; }

    /// <summary>Tonnes per lot.</summary>
    public double LotSize { get; }

    /// <summary>Years to the future's delivery (on or after expiry); what mean-reverting and compliance dynamics need.</summary>
    public double Delivery
    {
        get => _delivery;
        init => _delivery = Guard.NonNegative(value, "futuresDelivery");
    }

    /// <summary>Exercise times (European unless stated).</summary>
    public ResolvedExercise Exercise { get; init; } = ResolvedExercise.European;

    /// <summary>The daily price limit and the sessions it applies to, or null for none.</summary>
    public ResolvedPriceLimit? PriceLimit { get; init; }

    private readonly double _delivery;

    /// <summary>
    /// The same contract with another expiry, delivery, forward, vol and discount factor (what a market shift moves),
    /// exercise and limit terms kept.
    /// </summary>
    public ResolvedFuturesOption With(double expiry, double delivery, double forward, double volatility, double discountFactor,
        ResolvedExercise exercise) =>
        new(Type, Strike, expiry, forward, volatility, discountFactor, LotSize) { Delivery = delivery, Exercise = exercise, PriceLimit = PriceLimit };

    /// <summary>The same option for one tonne.</summary>
    public ResolvedFuturesOption PerTonne() =>
        new(Type, Strike, Expiry, Forward, Volatility, DiscountFactor, 1) { Delivery = Delivery, Exercise = Exercise, PriceLimit = PriceLimit };
}

/// <summary>A daily price limit resolved to numbers: the largest relative move per session and the sessions to expiry.</summary>
/// <param name="Fraction">In (0, 1).</param>
/// <param name="Sessions">Settlements from the valuation date to expiry, at least 1.</param>
public sealed record ResolvedPriceLimit(double Fraction, int Sessions);
