using Grpc.Core;

namespace CarbonDerivatives.Cli.Output;

/// <summary>Process exit codes: 0 success, 2 bad input (INVALID_ARGUMENT or a usage error), 1 any other failure.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidArgument = 2;

    public static int For(StatusCode code) => code switch
    {
        StatusCode.OK => Success,
        StatusCode.InvalidArgument => InvalidArgument,
        _ => Failure,
    };

    /// <summary>For a stream reply's error code name ("INVALID_ARGUMENT" or the enum's name "InvalidArgument").</summary>
    public static int For(string codeName) => StatusNames.Parse(codeName) is { } code ? For(code) : Failure;

    /// <summary>The worst of several: bad input (2) outranks other failures (1), which outrank success (0).</summary>
    public static int Worst(IEnumerable<int> codes) => codes.DefaultIfEmpty(Success).Max();
}
