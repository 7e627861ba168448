using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market.Smile;

namespace CarbonDerivatives.Tests.Smile;

/// <summary>Quote sets of the smile tests.</summary>
internal static class SmileQuotes
{
    /// <summary>EUA Dec-26 futures settlement, March 2026 (as given in the README's market figures).</summary>
    public const double EuaDec26 = 70.76;

    /// <summary>Years from mid-March 2026 to the Dec-26 option expiry (mid-December).</summary>
    public const double EuaDec26Expiry = 0.75;

    /// <summary>
    /// A realistic EUA Dec-26 smile, constructed (not a recorded screen): ATM about 46% (the implied ATM Dec vol of
    /// March 2025), a put skew with the 25-delta risk reversal near −3 vol points (the market runs −1 to −4) and a 25-delta
    /// butterfly near +1, quoted in vol to the quarter point as a broker's run is.
    /// </summary>
    public static ExpiryQuotes EuaDec26Smile() => new(EuaDec26Expiry, EuaDec26, Math.Exp(-0.03 * EuaDec26Expiry),
    [
        StrikeQuote.Vol(40, 0.5300), StrikeQuote.Vol(45, 0.5150), StrikeQuote.Vol(50, 0.5025), StrikeQuote.Vol(55, 0.4900),
        StrikeQuote.Vol(60, 0.4800), StrikeQuote.Vol(65, 0.4700), StrikeQuote.Vol(70, 0.4625), StrikeQuote.Vol(75, 0.4575),
        StrikeQuote.Vol(80, 0.4550), StrikeQuote.Vol(85, 0.4525), StrikeQuote.Vol(90, 0.4525), StrikeQuote.Vol(100, 0.4550),
        StrikeQuote.Vol(110, 0.4600),
    ]);

    /// <summary>EUA delta-quoted smiles on three expiries (Jun-26, Dec-26, Dec-27 options), constructed within the market's ranges:
    /// ATM falling with expiry, put skew RR25 −3.5 to −2.5, flies +0.8 to +1.2 (10-delta twice as wide).</summary>
    public static DeltaQuotes[] EuaDeltaQuotes() =>
    [
        new(0.25, EuaDec26, Math.Exp(-0.03 * 0.25), 0.48, -0.035, 0.012, -0.065, 0.040),
        new(0.75, EuaDec26, Math.Exp(-0.03 * 0.75), 0.46, -0.030, 0.010, -0.055, 0.035),
        new(1.75, 72.83, Math.Exp(-0.03 * 1.75), 0.44, -0.025, 0.008, -0.045, 0.030),
    ];

    /// <summary>Vol quotes of a known slice at strikes F·e^k, k evenly spaced.</summary>
    public static ExpiryQuotes FromSlice(SmileSlice slice, double fromK, double toK, int count) =>
        new(slice.Expiry, slice.Forward, 1.0, [.. Enumerable.Range(0, count).Select(i =>
        {
            double strike = slice.Forward * Math.Exp(fromK + (toK - fromK) * i / (count - 1));
            return StrikeQuote.Vol(strike, slice.Volatility(strike));
        })]);
}
