using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// Models side by side on the same data. On a price history: the maximised log-likelihood of its log returns with
/// AIC = 2k − 2ℓ and BIC = k·ln n − 2ℓ for GBM, Merton, a K-state regime-switching model and Schwartz's mean reversion
/// (its likelihood of x_{t+1} given x_t is that of r_{t+1} given x_t: the same data, so the figures compare). On a smile:
/// the RMS and worst vol error of Black-76 (one vol), Merton and Heston fitted to the quotes, and SABR (β = 1, three
/// parameters per expiry) when every expiry has at least three strikes.
/// </summary>
public static class ModelComparison
{
    /// <param name="prices">Prices, oldest first.</param>
    /// <param name="regimes">States of the regime-switching model (2 or 3 are usual).</param>
    /// <param name="periodsPerYear">Periods per year between prices.</param>
    /// <param name="cancellation">Stops the fits.</param>
    /// <exception cref="InvalidInputException">"prices" (too few for the fits), "prices[i]", "regimes", "periodsPerYear".</exception>
    public static IReadOnlyList<HistoryFitRow> OnHistory(IReadOnlyList<double> prices, int regimes = 3, double periodsPerYear = 252,
        CancellationToken cancellation = default)
    {
        var merton = MertonCalibration.FitPrices(prices, periodsPerYear);
        var switching = RegimeSwitchingCalibration.FitPrices(prices, regimes, periodsPerYear, cancellation);
        int n = merton.Observations;
        var rows = new List<HistoryFitRow>
        {
            new("gbm", 2, merton.GaussianLogLikelihood, n, null),
            new("merton", 5, merton.LogLikelihood, n, null),
            new($"regime-switching-{regimes}", switching.ParameterCount, switching.LogLikelihood, n, null),
        };
        try
        {
            var schwartz = SchwartzCalibration.Fit(prices, periodsPerYear);
            rows.Add(new("schwartz", 3, schwartz.LogLikelihood, n, null));
        }
        catch (InvalidInputException e) when (e.Field == "prices")
        {
            rows.Add(new("schwartz", 3, double.NaN, n, e.Reason)); // no mean reversion in this history
        }
        return rows;
    }

    /// <summary>Black-76, Merton and Heston fitted to <paramref name="quotes"/>; SABR per expiry when each has three strikes or more.</summary>
    public static IReadOnlyList<SmileFitRow> OnSmile(IReadOnlyList<OptionQuote> quotes, CancellationToken cancellation = default)
    {
        var black = QuoteCalibration.Black76Flat(quotes, cancellation);
        var merton = QuoteCalibration.Merton(quotes, cancellation);
        var heston = QuoteCalibration.Heston(quotes, cancellation);
        var rows = new List<SmileFitRow>
        {
            new("black76", 1, black.RmsVolPoints, black.MaxVolPoints),
            new("merton", 4, merton.RmsVolPoints, merton.MaxVolPoints),
            new("heston", 5, heston.RmsVolPoints, heston.MaxVolPoints),
        };
        if (Sabr(quotes, cancellation) is { } sabr) rows.Add(sabr);
        return rows;
    }

    /// <summary>
    /// A lognormal SABR smile (β = 1) fitted to each expiry's quotes, its errors pooled over all of them; null when an expiry
    /// has fewer than three distinct strikes (SABR's three parameters would not be determined) or two quotes at one strike.
    /// </summary>
    private static SmileFitRow? Sabr(IReadOnlyList<OptionQuote> quotes, CancellationToken cancellation)
    {
        var expiries = quotes.GroupBy(q => (q.Expiry, q.Forward)).Select(g => g.OrderBy(q => q.Strike).ToArray()).ToArray();
        if (expiries.Any(e => e.Length < 3 || e.Zip(e.Skip(1)).Any(pair => pair.First.Strike == pair.Second.Strike))) return null;
        double squares = 0, worst = 0;
        foreach (var expiry in expiries)
        {
            cancellation.ThrowIfCancellationRequested();
            var fit = Smile.SmileFitter.FitSabr(new Smile.ExpiryQuotes(expiry[0].Expiry, expiry[0].Forward, 1,
                [.. expiry.Select(q => Smile.StrikeQuote.Vol(q.Strike, q.Volatility))]));
            squares += fit.RmsVolPoints * fit.RmsVolPoints * expiry.Length;
            worst = Math.Max(worst, fit.MaxErrorVolPoints);
        }
        return new SmileFitRow("sabr", 3 * expiries.Length, Math.Sqrt(squares / quotes.Count), worst);
    }
}

/// <summary>One model's fit to a history.</summary>
/// <param name="Model">"gbm", "merton", "regime-switching-3", "schwartz".</param>
/// <param name="Parameters">Free parameters k.</param>
/// <param name="LogLikelihood">Maximised log-likelihood (NaN when the model could not be fitted: see <paramref name="Note"/>).</param>
/// <param name="Observations">Returns n.</param>
/// <param name="Note">Why the model has no fit, or null.</param>
public sealed record HistoryFitRow(string Model, int Parameters, double LogLikelihood, int Observations, string? Note)
{
    public double Aic => 2 * Parameters - 2 * LogLikelihood;

    public double Bic => Parameters * Math.Log(Observations) - 2 * LogLikelihood;
}

/// <summary>One model's fit to a smile, in vol points.</summary>
public sealed record SmileFitRow(string Model, int Parameters, double RmsVolPoints, double MaxVolPoints);
