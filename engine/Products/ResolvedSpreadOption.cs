using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A <see cref="SpreadOption"/> resolved against a market: pays LotSize·max(ω(w₁F₁(T) − w₂F₂(T) − K), 0)
/// at expiry, in the option currency.
/// </summary>
public sealed record ResolvedSpreadOption
{
    /// <summary>Creates the resolved option; every input is checked and named on failure.</summary>
    /// <param name="type">Call (on w₁F₁ − w₂F₂ − K) or put.</param>
    /// <param name="strike">K in option currency per unit; any finite number (zero and negative allowed).</param>
    /// <param name="expiry">Years to expiry (ACT/365F); &gt;= 0.</param>
    /// <param name="leg1">The long leg of the spread.</param>
    /// <param name="leg2">The short leg of the spread.</param>
    /// <param name="correlation">ρ of the two legs' log-returns; in [−1, 1] (Monte Carlo needs |ρ| &lt; 1).</param>
    /// <param name="discountFactor">Discount factor to the payment date; &gt; 0.</param>
    /// <param name="lotSize">Units of spread per lot (1,000 t for one pair of EUA futures); &gt; 0.</param>
    public ResolvedSpreadOption(OptionType type, double strike, double expiry, ResolvedSpreadLeg leg1, ResolvedSpreadLeg leg2,
        double correlation, double discountFactor, double lotSize)
    {
        if (!Enum.IsDefined(type)) Guard.Fail("type", $"must be Call or Put, got {(int)type}");
        if (leg1 is null) Guard.Fail("leg1", "must be provided");
        if (leg2 is null) Guard.Fail("leg2", "must be provided");
        Type = type;
        Strike = Guard.Finite(strike, "strike");
        Expiry = Guard.NonNegative(expiry, "expiry");
        Leg1 = leg1;
        Leg2 = leg2;
        Correlation = Guard.InRange(correlation, -1, 1, "correlation");
        DiscountFactor = Guard.Positive(discountFactor, "discountFactor");
        LotSize = Guard.Positive(lotSize, "lotSize");
    }

    public OptionType Type { get; }

    /// <summary>K, option currency per unit of spread.</summary>
    public double Strike { get; }

    /// <summary>Years to expiry (ACT/365F).</summary>
    public double Expiry { get; }

    /// <summary>The long leg (w₁, F₁, σ₁).</summary>
    public ResolvedSpreadLeg Leg1 { get; }

    /// <summary>The short leg (w₂, F₂, σ₂).</summary>
    public ResolvedSpreadLeg Leg2 { get; }

    /// <summary>Correlation of the legs' Brownian motions.</summary>
    public double Correlation { get; }

    /// <summary>Discount factor to the payment date.</summary>
    public double DiscountFactor { get; }

    /// <summary>Units of spread per lot.</summary>
    public double LotSize { get; }

    /// <summary>The same option with other legs, correlation or expiry (for bump-and-revalue).</summary>
    internal ResolvedSpreadOption With(ResolvedSpreadLeg? leg1 = null, ResolvedSpreadLeg? leg2 = null, double? correlation = null) =>
        new(Type, Strike, Expiry, leg1 ?? Leg1, leg2 ?? Leg2, correlation ?? Correlation, DiscountFactor, LotSize);
}
