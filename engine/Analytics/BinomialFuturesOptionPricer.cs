using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Early-exercise options on a futures price on a Cox–Ross–Rubinstein tree: the fast deterministic
/// method for American and Bermudan options (Monte Carlo is Longstaff–Schwartz, in Pricing.MonteCarlo).
/// Under the pricing measure a futures price has no drift, so u = e^{σ√Δt}, d = 1/u and the up
/// probability is p = (1 − d)/(u − d); each step discounts at the flat rate r = −ln(DF)/T implied by the
/// option's discount factor. American options may be exercised at every node, today included, Bermudan
/// ones at the step nearest each exercise time, both at expiry. Source: Cox, Ross &amp; Rubinstein (1979);
/// Hull, Options, Futures and Other Derivatives, ch. 21 (trees for options on futures).
/// The error is O(1/n) and oscillates with n; 1,000 steps agree with QLNet's 2,000-step tree to ~0.05%.
/// </summary>
public static class BinomialFuturesOptionPricer
{
    /// <summary>Default steps: about 1 ms per price.</summary>
    public const int DefaultSteps = 1_000;

    /// <summary>Present value of one long lot, in the option's currency, discounted.</summary>
    /// <exception cref="InvalidInputException">"steps" outside [1, 100,000].</exception>
    public static double Price(ResolvedFuturesOption option, ResolvedExercise exercise, int steps = DefaultSteps)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(exercise);
        Guard.InRange(steps, 1, 100_000, "steps");
        double omega = option.Type == OptionType.Call ? 1 : -1;
        if (option.Expiry == 0 || option.Volatility == 0)
            return option.LotSize * option.DiscountFactor * Math.Max(omega * (option.Forward - option.Strike), 0);

        double dt = option.Expiry / steps;
        double u = Math.Exp(option.Volatility * Math.Sqrt(dt)), d = 1 / u;
        double p = (1 - d) / (u - d);
        double stepDiscount = Math.Pow(option.DiscountFactor, 1.0 / steps);
        var exercisable = ExercisableSteps(exercise, option.Expiry, steps);

        // values[j] is the option at step i in the state with j up-moves: F·u^j·d^(i−j) = F·u^(2j−i); the powers are tabled once.
        var powers = new double[2 * steps + 1];
        for (int k = 0; k < powers.Length; k++) powers[k] = Math.Pow(u, k - steps);
        double Futures(int i, int j) => option.Forward * powers[2 * j - i + steps];
        var values = new double[steps + 1];
        for (int j = 0; j <= steps; j++) values[j] = Math.Max(omega * (Futures(steps, j) - option.Strike), 0);
        for (int i = steps - 1; i >= 0; i--)
        {
            for (int j = 0; j <= i; j++)
            {
                double hold = stepDiscount * (p * values[j + 1] + (1 - p) * values[j]);
                values[j] = exercisable[i] ? Math.Max(hold, omega * (Futures(i, j) - option.Strike)) : hold;
            }
        }
        return option.LotSize * values[0];
    }

    /// <summary>Which steps allow exercise: every one for American (step 0 is today), the nearest for each Bermudan date.</summary>
    private static bool[] ExercisableSteps(ResolvedExercise exercise, double expiry, int steps)
    {
        var exercisable = new bool[steps + 1];
        switch (exercise.Style)
        {
            case ExerciseStyle.American:
                Array.Fill(exercisable, true);
                break;
            case ExerciseStyle.Bermudan:
                foreach (double t in exercise.Times) exercisable[(int)Math.Clamp(Math.Round(t / expiry * steps), 1, steps)] = true;
                break;
        }
        return exercisable;
    }
}
