namespace CarbonDerivatives.Cli;

/// <summary>Bad command-line input or input file, found before any call: reported like INVALID_ARGUMENT (exit code 2).</summary>
internal sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);
