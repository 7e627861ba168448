using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>Daily price histories as the models and risk measures read them.</summary>
public static class PriceHistory
{
    /// <summary>Daily log returns ln(P_t / P_{t−1}) of a price series (ascending dates).</summary>
    /// <exception cref="InvalidInputException">"prices[i]" when not positive and finite; "prices" when fewer than 2.</exception>
    public static double[] LogReturns(IReadOnlyList<double> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        if (prices.Count < 2) Guard.Fail("prices", $"need at least 2 prices for a return, got {prices.Count}");
        for (int i = 0; i < prices.Count; i++) Guard.Positive(prices[i], $"prices[{i}]");
        return Enumerable.Range(1, prices.Count - 1).Select(i => Math.Log(prices[i] / prices[i - 1])).ToArray();
    }
}
