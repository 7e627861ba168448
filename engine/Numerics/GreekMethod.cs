namespace CarbonDerivatives.Engine.Numerics;

/// <summary>How a sensitivity was obtained.</summary>
public enum GreekMethod
{
    /// <summary>Closed form (Black-76); no sampling error.</summary>
    Analytic,
    /// <summary>Monte Carlo mean of the discounted payoff (a price, not a derivative).</summary>
    MonteCarlo,
    /// <summary>Pathwise derivative of the discounted payoff on simulated paths (Glasserman 2004, §7.2).</summary>
    Pathwise,
    /// <summary>Likelihood-ratio weight on simulated paths (Glasserman 2004, §7.3); for gamma the
    /// mixed estimator, the likelihood ratio applied to the pathwise delta.</summary>
    LikelihoodRatio,
    /// <summary>Finite difference of revaluations on the same simulated paths (common random numbers).</summary>
    CrnBump,

    /// <summary>Central differences of a closed form (or closed-form approximation) with small bumps.</summary>
    FiniteDifference,

    /// <summary>Central differences of a binomial tree, with bumps wide enough for its piecewise-smooth price.</summary>
    TreeBump,
}

/// <summary>The names of <see cref="GreekMethod"/> as every interface reports them.</summary>
public static class GreekMethods
{
    /// <summary>"analytic", "monte-carlo", "pathwise", "likelihood-ratio", "crn-bump", "finite-difference" or "binomial-bump".</summary>
    public static string Name(this GreekMethod method) => method switch
    {
        GreekMethod.Analytic => "analytic",
        GreekMethod.MonteCarlo => "monte-carlo",
        GreekMethod.Pathwise => "pathwise",
        GreekMethod.LikelihoodRatio => "likelihood-ratio",
        GreekMethod.CrnBump => "crn-bump",
        GreekMethod.FiniteDifference => "finite-difference",
        GreekMethod.TreeBump => "binomial-bump",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };
}
