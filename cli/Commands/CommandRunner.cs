using CarbonDerivatives.Cli.Output;
using Grpc.Core;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>Runs a command body and turns its failures into a report on stderr and an exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> Run(CommandOutput output, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (RpcException e)
        {
            foreach (string line in RpcErrorReport.Lines(e)) await output.Errors.WriteLineAsync(line);
            return ExitCodes.For(e.StatusCode);
        }
        catch (UsageException e)
        {
            await output.Errors.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.InvalidArgument;
        }
    }
}
