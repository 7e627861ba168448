using Spectre.Console;

namespace CarbonDerivatives.Cli.Output;

/// <summary>
/// Where commands write: tables (and, for long risk jobs, progress bars via
/// <c>Console.Progress()</c>) to a Spectre console; JSON unwrapped to a plain writer; errors to stderr.
/// </summary>
internal sealed record CommandOutput(IAnsiConsole Console, TextWriter Json, TextWriter Errors)
{
    /// <summary>Width of tables when stdout is a file or pipe (Spectre would otherwise assume 80 columns).</summary>
    private const int RedirectedWidth = 160;

    public static CommandOutput Standard()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected) console.Profile.Width = RedirectedWidth;
        return new(console, System.Console.Out, System.Console.Error);
    }
}
