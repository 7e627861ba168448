using System.CommandLine;
using CarbonDerivatives.Cli.Requests;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>The quick flags of <c>carbon price</c> (one futures option, no file) and their reading into <see cref="QuickPriceFlags"/>.</summary>
internal static class PriceFlagOptions
{
    private static readonly QuickPriceFlags Defaults = new();

    private static readonly Option<string> Underlying = new("--underlying") { Description = "Underlying code: EUA, UKA, CCA, CEA, SO2 ..." };
    private static readonly Option<bool> Call = new("--call") { Description = "A call option" };
    private static readonly Option<bool> Put = new("--put") { Description = "A put option" };
    private static readonly Option<double> Strike = new("--strike") { Description = "Strike, currency per tonne" };
    private static readonly Option<string> Expiry = new("--expiry") { Description = "Option expiry, ISO date (e.g. 2026-12-16)" };
    private static readonly Option<string> Delivery = new("--delivery") { Description = "Delivery of the underlying future, ISO date (e.g. 2026-12-21)" };
    private static readonly Option<double> LotSize = new("--lot-size") { Description = "Tonnes per lot", DefaultValueFactory = _ => Defaults.LotSize };
    private static readonly Option<string> Currency = new("--currency") { Description = "ISO currency", DefaultValueFactory = _ => Defaults.Currency };
    private static readonly Option<string> Snapshot = new("--snapshot") { Description = "Stored market snapshot id", DefaultValueFactory = _ => Defaults.Snapshot };
    private static readonly Option<double> Quantity = new("--quantity") { Description = "Signed number of lots (default 1)" };
    private static readonly Option<bool> MonteCarlo = new("--mc") { Description = "Monte Carlo instead of the closed form" };
    private static readonly Option<long> Paths = new("--paths") { Description = "Monte Carlo paths (0: server default)" };
    private static readonly Option<int> Steps = new("--steps") { Description = "Monte Carlo time steps (0: server default)" };
    private static readonly Option<ulong> Seed = new("--seed") { Description = "Monte Carlo seed" };
    private static readonly Option<bool> Antithetic = new("--antithetic") { Description = "Monte Carlo: antithetic variates" };
    private static readonly Option<bool> ControlVariate = new("--control-variate") { Description = "Monte Carlo: the futures price as control variate" };
    private static readonly Option<bool> SinglePrecision = new("--single") { Description = "Monte Carlo: paths in single precision (Black-76 without jumps)" };
    private static readonly Option<bool> Greeks = new("--greeks") { Description = "Also compute delta, gamma, vega, theta, rho" };
    private static readonly Option<string> Merton = new("--merton") { Description = "Merton jumps 'intensity,mean,vol' (EUA fit: 6.1,-0.029,0.083)" };
    private static readonly Option<string> RequestId = new("--request-id") { Description = "Request id echoed by the server" };

    private static readonly Option[] All =
    [
        Underlying, Call, Put, Strike, Expiry, Delivery, LotSize, Currency, Snapshot, Quantity,
        MonteCarlo, Paths, Steps, Seed, Antithetic, ControlVariate, SinglePrecision, Greeks, Merton, RequestId,
    ];

    public static void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    /// <summary>Whether any quick flag was typed (they cannot be combined with a request file).</summary>
    public static bool AnyGiven(ParseResult parse) => All.Any(o => parse.GetResult(o) is { Implicit: false });

    public static QuickPriceFlags Read(ParseResult parse) => new()
    {
        Underlying = parse.GetValue(Underlying),
        Call = parse.GetValue(Call),
        Put = parse.GetValue(Put),
        Strike = parse.GetValue(Strike),
        Expiry = parse.GetValue(Expiry),
        Delivery = parse.GetValue(Delivery),
        LotSize = parse.GetValue(LotSize),
        Currency = parse.GetValue(Currency) ?? Defaults.Currency,
        Snapshot = parse.GetValue(Snapshot) ?? Defaults.Snapshot,
        Quantity = parse.GetValue(Quantity),
        MonteCarlo = parse.GetValue(MonteCarlo),
        Paths = parse.GetValue(Paths),
        Steps = parse.GetValue(Steps),
        Seed = parse.GetValue(Seed),
        Antithetic = parse.GetValue(Antithetic),
        ControlVariate = parse.GetValue(ControlVariate),
        SinglePrecision = parse.GetValue(SinglePrecision),
        Greeks = parse.GetValue(Greeks),
        Merton = parse.GetValue(Merton),
        RequestId = parse.GetValue(RequestId),
    };
}
