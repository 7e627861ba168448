using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// Heston (1993) stochastic variance of a futures price: dF/F = √v dW₁, dv = κ(θ − v) dt + ξ√v dW₂, d⟨W₁, W₂⟩ = ρ dt.
/// The futures price is a martingale (no drift under the pricing measure); discounting is the market's.
/// <para>
/// <see cref="InitialVariance"/> v₀ may be left unset: the market's volatility σ at the option then sets v₀ = σ², so a
/// snapshot's ATM vol carries over and vega is the sensitivity to it. With v₀ given the market vol is not used.
/// </para>
/// The Feller condition 2κθ ≥ ξ² keeps v off zero; it is not required (the QE scheme and the Fourier price handle
/// its violation), only reported (<see cref="FellerConditionHolds"/>).
/// </summary>
public sealed record HestonParameters
{
    /// <param name="meanReversion">κ per year; &gt; 0.</param>
    /// <param name="longRunVariance">θ, the variance v reverts to; &gt; 0 (0.09 = 30% vol).</param>
    /// <param name="volOfVol">ξ, the volatility of the variance; &gt; 0.</param>
    /// <param name="correlation">ρ between price and variance; in (−1, 1).</param>
    /// <param name="initialVariance">v₀ ≥ 0, or null to take the market's σ² (see the type's remarks).</param>
    /// <exception cref="InvalidInputException">A parameter out of range; Field names it.</exception>
    public HestonParameters(double meanReversion, double longRunVariance, double volOfVol, double correlation, double? initialVariance = null)
    {
        MeanReversion = Guard.InRange(meanReversion, MinMeanReversion, MaxMeanReversion, "meanReversion");
        LongRunVariance = Guard.InRange(longRunVariance, 0, MaxVariance, "longRunVariance");
        if (longRunVariance == 0) Guard.Fail("longRunVariance", "must be positive, got 0");
        VolOfVol = Guard.InRange(volOfVol, 0, MaxVolOfVol, "volOfVol");
        if (volOfVol == 0) Guard.Fail("volOfVol", "must be positive (without it the model is Black-76 with a deterministic variance), got 0");
        Correlation = Guard.Finite(correlation, "correlation");
        if (Math.Abs(correlation) >= 1) Guard.Fail("correlation", $"must lie strictly between -1 and 1, got {correlation}");
        if (initialVariance is { } v0) Guard.InRange(v0, 0, MaxVariance, "initialVariance");
        InitialVariance = initialVariance;
    }

    /// <summary>Smallest accepted κ: below it the variance barely reverts and the Fourier integrand loses precision.</summary>
    public const double MinMeanReversion = 1e-4;

    /// <summary>Largest accepted κ per year.</summary>
    public const double MaxMeanReversion = 100;

    /// <summary>Largest accepted θ or v₀ (a volatility of 500%).</summary>
    public const double MaxVariance = 25;

    /// <summary>Largest accepted ξ.</summary>
    public const double MaxVolOfVol = 10;

    /// <summary>κ per year.</summary>
    public double MeanReversion { get; }

    /// <summary>θ, the long-run variance.</summary>
    public double LongRunVariance { get; }

    /// <summary>ξ, the volatility of the variance.</summary>
    public double VolOfVol { get; }

    /// <summary>ρ between the futures price and its variance.</summary>
    public double Correlation { get; }

    /// <summary>v₀, or null for the market's σ².</summary>
    public double? InitialVariance { get; }

    /// <summary>2κθ ≥ ξ²: the variance process never reaches zero.</summary>
    public bool FellerConditionHolds => 2 * MeanReversion * LongRunVariance >= VolOfVol * VolOfVol;

    /// <summary>v₀ for a market volatility σ: the given v₀, else σ².</summary>
    public double StartVariance(double marketVolatility) => InitialVariance ?? marketVolatility * marketVolatility;
}
