using CarbonDerivatives.Engine.Pricing;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// The delta-gamma expansion of a book's P&amp;L in the relative moves m_u − 1 of its factors over a horizon h — its
/// underlyings, or with curve dynamics each delivery (tenor) of them:
/// P&amp;L ≈ Σ_u A_u(m_u − 1) + Σ_uv B_uv(m_u − 1)(m_v − 1) + C, with A = Σ fx·Δ·F, B_uu = ½Σ fx·Γ·F², a spread between
/// two factors adding its cross-gamma fx·Γ₁₂·F₁F₂ to B_uv (a calendar spread's legs are two tenors of one underlying), and
/// C = Σ fx·Θ·h. Greeks from each position's closed form.
/// </summary>
internal sealed class DeltaGammaExpansion
{
    private readonly double[] _linear;
    private readonly double[,] _quadratic;
    private readonly double _carry;

    private DeltaGammaExpansion(double[] linear, double[,] quadratic, double carry)
    {
        _linear = linear;
        _quadratic = quadratic;
        _carry = carry;
    }

    /// <param name="revaluation">The book.</param>
    /// <param name="horizon">Years.</param>
    /// <param name="byTenor">Factors are the tenors (<see cref="PortfolioRevaluation.Tenors"/>), not the underlyings.</param>
    public static DeltaGammaExpansion Of(PortfolioRevaluation revaluation, double horizon, bool byTenor)
    {
        int n = byTenor ? revaluation.Tenors.Length : revaluation.Underlyings.Length;
        var linear = new double[n];
        var quadratic = new double[n, n];
        double carry = 0;
        foreach (var (p, pricer, _) in revaluation.Positions)
        {
            var v = pricer.Valuation(greeks: true).Scale(p.Lots);
            double fx = p.Fx;
            carry += fx * v.Figure(Figure.Theta).Value * horizon;
            var legs = p.Legs.Select(l => byTenor ? revaluation.Tenors.IndexOf(l.TenorKey) : revaluation.Underlyings.IndexOf(l.Underlying)).ToArray();
            var forwards = p.Legs.Select(l => l.Forward).ToArray();
            if (v.SpreadGreeks is { } spread)
            {
                (double Delta, double Gamma)[] byLeg = [(spread.Delta1.Value, spread.Gamma1.Value), (spread.Delta2.Value, spread.Gamma2.Value)];
                for (int i = 0; i < 2; i++)
                {
                    linear[legs[i]] += fx * byLeg[i].Delta * forwards[i];
                    quadratic[legs[i], legs[i]] += 0.5 * fx * byLeg[i].Gamma * forwards[i] * forwards[i];
                }
                double cross = fx * spread.CrossGamma.Value * forwards[0] * forwards[1];
                quadratic[legs[0], legs[1]] += 0.5 * cross;
                quadratic[legs[1], legs[0]] += 0.5 * cross;
                continue;
            }
            linear[legs[0]] += fx * v.Figure(Figure.Delta).Value * forwards[0];
            quadratic[legs[0], legs[0]] += 0.5 * fx * v.Figure(Figure.Gamma).Value * forwards[0] * forwards[0];
        }
        return new DeltaGammaExpansion(linear, quadratic, carry);
    }

    public double ProfitAndLoss(ReadOnlySpan<double> factors)
    {
        double pnl = _carry;
        for (int u = 0; u < factors.Length; u++)
        {
            double move = factors[u] - 1;
            pnl += _linear[u] * move;
            for (int v = 0; v < factors.Length; v++)
                if (_quadratic[u, v] != 0) pnl += _quadratic[u, v] * move * (factors[v] - 1);
        }
        return pnl;
    }
}
