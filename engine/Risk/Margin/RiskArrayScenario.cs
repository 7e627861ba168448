using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>
/// One scenario of a SPAN-style risk array: every delivery of an underlying moved by <paramref name="PriceMove"/>
/// price scan ranges (relative: F → F·(1 + PriceMove·range)), its vols by <paramref name="VolMove"/> vol scan ranges,
/// and the loss counted at <paramref name="Weight"/> (the cover fraction of the extreme moves, 1 otherwise).
/// </summary>
/// <param name="Number">1..16 in the classic numbering.</param>
/// <param name="PriceMove">Multiple of the price scan range: 0, ±1/3, ±2/3, ±1, or ± the extreme multiple.</param>
/// <param name="VolMove">−1, 0 or +1 vol scan range.</param>
/// <param name="Weight">Share of the scenario's loss that counts.</param>
public sealed record RiskArrayScenario(int Number, double PriceMove, int VolMove, double Weight)
{
    /// <summary>"price +2/3 range, vol up", as a margin report states the scenario that drives it.</summary>
    public string Description => PriceMove == 0 && VolMove == 0 ? "unchanged"
        : $"price {Fraction(PriceMove)} range, vol {(VolMove > 0 ? "up" : VolMove < 0 ? "down" : "unchanged")}"
          + (Weight < 1 ? $", {Weight:P0} of the loss" : "");

    private static string Fraction(double move) => Math.Abs(move) switch
    {
        0 => "0",
        var m when Math.Abs(m - 1 / 3.0) < 1e-12 => (move > 0 ? "+" : "-") + "1/3",
        var m when Math.Abs(m - 2 / 3.0) < 1e-12 => (move > 0 ? "+" : "-") + "2/3",
        var m when m == 1 => (move > 0 ? "+" : "-") + "3/3",
        var m => (move > 0 ? "+" : "-") + $"{m:0.##}x",
    };

    /// <summary>
    /// The 16 classic scenarios (CME SPAN): price unchanged and ±1/3, ±2/3, ±3/3 of the scan range, each with vol up and
    /// down (1–14), then two extreme moves of ±<paramref name="extremeMultiple"/> ranges, vol unchanged, of which
    /// <paramref name="coverFraction"/> counts (15, 16). The textbook risk array (a future of scan range 10,000: extreme
    /// ±7,000) has multiple 2 and cover 35%.
    /// </summary>
    public static ImmutableArray<RiskArrayScenario> Classic(double extremeMultiple, double coverFraction)
    {
        var list = ImmutableArray.CreateBuilder<RiskArrayScenario>(16);
        int number = 1;
        foreach (double move in new[] { 0, 1 / 3.0, -1 / 3.0, 2 / 3.0, -2 / 3.0, 1, -1 })
        {
            list.Add(new(number++, move, +1, 1));
            list.Add(new(number++, move, -1, 1));
        }
        list.Add(new(15, extremeMultiple, 0, coverFraction));
        list.Add(new(16, -extremeMultiple, 0, coverFraction));
        return list.MoveToImmutable();
    }
}
