using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market.Smile;

/// <summary>
/// The smile at one expiry as total implied variance w(k) = σ²(K)·T in log-moneyness k = ln(K/F). Immutable.
/// </summary>
public abstract record SmileSlice
{
    /// <summary>Step of the central differences used where a model has no closed-form derivative.</summary>
    private const double DifferenceStep = 1e-4;

    /// <param name="expiry">Years to the option expiry; &gt; 0.</param>
    /// <param name="forward">Forward (futures) price the smile is quoted against; &gt; 0.</param>
    /// <exception cref="InvalidInputException">"expiry" or "forward".</exception>
    protected SmileSlice(double expiry, double forward)
    {
        Expiry = Guard.Positive(expiry, "expiry");
        Forward = Guard.Positive(forward, "forward");
    }

    /// <summary>Years to expiry.</summary>
    public double Expiry { get; }

    /// <summary>Forward of the slice.</summary>
    public double Forward { get; }

    /// <summary>Total implied variance w(k).</summary>
    public abstract double TotalVariance(double logMoneyness);

    /// <summary>∂w/∂k (central difference unless the model overrides it).</summary>
    public virtual double Slope(double logMoneyness) =>
        (TotalVariance(logMoneyness + DifferenceStep) - TotalVariance(logMoneyness - DifferenceStep)) / (2 * DifferenceStep);

    /// <summary>∂²w/∂k² (central difference unless the model overrides it).</summary>
    public virtual double Curvature(double logMoneyness) =>
        (TotalVariance(logMoneyness + DifferenceStep) - 2 * TotalVariance(logMoneyness) + TotalVariance(logMoneyness - DifferenceStep))
        / (DifferenceStep * DifferenceStep);

    /// <summary>Black volatility at <paramref name="strike"/>.</summary>
    public double Volatility(double strike) => Math.Sqrt(Math.Max(TotalVariance(Math.Log(strike / Forward)), 0) / Expiry);

    /// <summary>
    /// Durrleman's g(k) = (1 − k w'/(2w))² − (w'²/4)(1/w + 1/4) + w''/2: the risk-neutral density is
    /// g(k)/√(2πw)·exp(−d₂²/2), so the slice is free of butterfly arbitrage exactly where g &gt;= 0
    /// (Gatheral &amp; Jacquier 2014, Lemma 2.2).
    /// </summary>
    public double Durrleman(double logMoneyness) =>
        Durrleman(logMoneyness, TotalVariance(logMoneyness), Slope(logMoneyness), Curvature(logMoneyness));

    /// <summary>g(k) from w, w' and w'' at k.</summary>
    internal static double Durrleman(double k, double w, double slope, double curvature)
    {
        double first = 1 - k * slope / (2 * w);
        return first * first - slope * slope / 4 * (1 / w + 0.25) + curvature / 2;
    }
}
