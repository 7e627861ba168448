extern alias cli;
using cli::CarbonDerivatives.Cli;
using cli::CarbonDerivatives.Cli.Output;
using Spectre.Console;

namespace CarbonDerivatives.Tests.Cli;

/// <summary>What one `carbon` command printed: exit code, JSON (stdout), tables (console) and errors (stderr).</summary>
internal sealed record CliResult(int ExitCode, string Json, string Table, string Errors);

/// <summary>Runs the `carbon` command tree in process against a server, capturing each output stream.</summary>
internal static class CliRunner
{
    /// <param name="address">The server's address (appended as --address).</param>
    /// <param name="width">Console width of the tables; null keeps Spectre's default.</param>
    /// <param name="args">The command line; without --api-key or --token the admin test key is added.</param>
    public static async Task<CliResult> RunAsync(string address, int? width, params string[] args)
    {
        var json = new StringWriter();
        var table = new StringWriter();
        var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(table), ColorSystem = ColorSystemSupport.NoColors });
        if (width is int w) console.Profile.Width = w;
        string[] credentials = args.Contains("--api-key") || args.Contains("--token") ? [] : ["--api-key", Api.TestCredentials.AdminKey];
        int code = await CarbonCli.Create(new CommandOutput(console, json, errors)).Parse([.. args, "--address", address, .. credentials]).InvokeAsync();
        return new CliResult(code, json.ToString(), table.ToString(), errors.ToString());
    }
}
