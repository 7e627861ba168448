using Spectre.Console;

namespace CarbonDerivatives.Cli.Output;

/// <summary>
/// Where commands write: tables (and, for long jobs such as the coming risk runs, progress bars via
/// <c>Console.Progress()</c>) to a Spectre console; JSON unwrapped to a plain writer; errors to stderr.
/// </summary>
internal sealed record CommandOutput(IAnsiConsole Console, TextWriter Json, TextWriter Errors)
{
    public static CommandOutput Standard() => new(AnsiConsole.Console, System.Console.Out, System.Console.Error);
}
