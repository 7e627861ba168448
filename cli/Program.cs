using CarbonDerivatives.Cli;
using CarbonDerivatives.Cli.Output;

return await CarbonCli.Create(CommandOutput.Standard()).Parse(args).InvokeAsync();
