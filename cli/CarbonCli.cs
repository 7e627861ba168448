using System.CommandLine;
using CarbonDerivatives.Cli.Commands;
using CarbonDerivatives.Cli.Connection;
using CarbonDerivatives.Cli.Output;

namespace CarbonDerivatives.Cli;

/// <summary>The <c>carbon</c> command tree.</summary>
internal static class CarbonCli
{
    public static RootCommand Create(CommandOutput output)
    {
        var root = new RootCommand(
            "carbon: a gRPC client of the CarbonDerivatives pricing server (carbon.v1).\n" +
            "Exit codes: 0 ok, 2 invalid argument (bad flags, file or INVALID_ARGUMENT), 1 any other error.");
        foreach (var option in ConnectionOptions.All) root.Options.Add(option);
        root.Subcommands.Add(PriceCommand.Create(output));
        root.Subcommands.Add(RiskCommand.Create(output));
        root.Subcommands.Add(PortfolioCommand.Create(output));
        root.Subcommands.Add(MarketCommand.Create(output));
        root.Subcommands.Add(SpecCommand.Create(output));
        root.Subcommands.Add(ModelCommand.Create(output));
        root.Subcommands.Add(VolCommand.Create(output));
        return root;
    }
}
