using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Pricing.MonteCarlo;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.EarlyExercise;
using CarbonDerivatives.Engine.Simulation;
using QLNet;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// Longstaff–Schwartz American put on a futures price (F = K = 80, vol 45%, r = 5%, 1 year, 50 exercise
/// dates): the engine's two passes (training + pricing, path-steps of both counted) against QLNet's
/// MCAmericanEngine (also Longstaff–Schwartz, on a quarter of the paths) and QLNet's 2,000-step CRR
/// binomial, whose price is the reference. Median of 3 runs after a warm-up.
/// </summary>
public static class AmericanOptionBenchmark
{
    private const int Runs = 3, Steps = 50, Paths = 200_000, QlnetPaths = 50_000, QlnetCalibration = 16_384;
    private const double Forward = 80, Strike = 80, Volatility = 0.45, Rate = 0.05;
    private const int Days = 365;

    public static void Run(Dictionary<string, double> figures)
    {
        double expiry = Days / 365.0;
        var option = new ResolvedFuturesOption(OptionType.Put, Strike, expiry, Forward, Volatility, Math.Exp(-Rate * expiry), 1) { Exercise = ResolvedExercise.American };
        var inputs = new PricingInputs
        {
            Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = Paths, Seed = 42, Antithetic = true, ControlVariate = true },
            Grid = new GridSettings { ExerciseSteps = Steps },
        };
        Valuation? estimate = null;
        double engineSeconds = Measure.MedianSeconds(Runs, () => estimate = MonteCarloPricer.Value(option, inputs));
        double pathSteps = (double)(Paths + LongstaffSchwartzTraining.TrainingPaths(Paths, Steps)) * Steps;
        double qlnetPrice = 0, binomial = 0;
        double qlnetSeconds = Measure.MedianSeconds(Runs, () => qlnetPrice = Qlnet(engine: process => new MakeMCAmericanEngine<PseudoRandom>(process)
            .withSteps(Steps).withSamples(QlnetPaths).withCalibrationSamples(QlnetCalibration).withSeed(42).value()));
        double qlnetPathSteps = (double)(QlnetPaths + QlnetCalibration) * Steps;
        double binomialSeconds = Measure.MedianSeconds(Runs, () => binomial = Qlnet(process => new BinomialVanillaEngine<CoxRossRubinstein>(process, 2_000)));
        double european = Black76OptionPricer.Price(option);

        double engineRate = pathSteps / engineSeconds, qlnetRate = qlnetPathSteps / qlnetSeconds;
        figures["lsm_american_put_price"] = estimate!.Value;
        figures["lsm_american_put_se"] = estimate.StandardError;
        figures["lsm_american_put_binomial_2000"] = binomial;
        figures["lsm_american_put_path_steps_per_sec"] = engineRate;
        figures["lsm_american_put_seconds"] = engineSeconds;
        figures["qlnet_mc_american_price"] = qlnetPrice;
        figures["qlnet_mc_american_path_steps_per_sec"] = qlnetRate;
        figures["lsm_to_qlnet_per_path_step"] = engineRate / qlnetRate;
        figures["qlnet_binomial_2000_seconds"] = binomialSeconds;
        Console.WriteLine($"American put on futures, Longstaff-Schwartz, F=K={Forward}, vol {Volatility:P0}, r {Rate:P0}, 1y, {Steps} exercise dates:");
        Console.WriteLine($"  engine LSM ({Paths:N0} + {LongstaffSchwartzTraining.TrainingPaths(Paths, Steps):N0} training paths) {estimate.Value,9:F4} ± {estimate.StandardError:F4}  {engineRate / 1e6,8:F1} M path-steps/s  {engineSeconds * 1e3,7:F0} ms");
        Console.WriteLine($"  QLNet MCAmericanEngine ({QlnetPaths:N0} + {QlnetCalibration:N0} calibration)   {qlnetPrice,9:F4}           {qlnetRate / 1e6,8:F1} M path-steps/s  {qlnetSeconds * 1e3,7:F0} ms");
        Console.WriteLine($"  QLNet 2,000-step CRR binomial                        {binomial,9:F4}  {binomialSeconds * 1e3,7:F0} ms;  Black-76 European {european:F4}");
        Console.WriteLine($"  engine / QLNet MC {engineRate / qlnetRate:F0}x per path-step; engine - binomial {(estimate.Value - binomial) / estimate.StandardError:F2} SE ({(estimate.Value / binomial - 1) * 100:F3}%)");
    }

    private static double Qlnet(Func<GeneralizedBlackScholesProcess, IPricingEngine> engine)
    {
        var process = QlnetReference.Process(Forward, Volatility, Rate);
        var today = QlnetReference.Today;
        var option = new VanillaOption(new PlainVanillaPayoff(Option.Type.Put, Strike), new AmericanExercise(today, today + Days));
        option.setPricingEngine(engine(process));
        return option.NPV();
    }
}
