using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Protos.V1;
using Grpc.Core;
using Spectre.Console;
using Progress = CarbonDerivatives.Protos.V1.Progress;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>
/// Follows a risk job's server stream (Progress messages, then one result): a progress bar on an
/// interactive terminal, nothing extra when stdout is a file, a pipe or JSON.
/// </summary>
internal static class StreamedJob
{
    public static async Task<TResult> Follow<TUpdate, TResult>(IAsyncStreamReader<TUpdate> stream, Func<TUpdate, Progress?> progressOf,
        Func<TUpdate, TResult?> resultOf, string title, CommandOutput output, bool showProgress, CancellationToken cancellation)
        where TResult : class
    {
        TResult? result = null;
        if (showProgress && output.Console.Profile.Capabilities.Interactive)
        {
            await output.Console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(title), maxValue: 1.0);
                    await foreach (var update in stream.ReadAllAsync(cancellation))
                    {
                        if (progressOf(update) is { } progress)
                        {
                            task.Value = progress.Fraction;
                            if (progress.Stage.Length > 0) task.Description = Markup.Escape($"{title}: {progress.Stage}");
                        }
                        result ??= resultOf(update);
                    }
                    task.Value = 1.0;
                });
        }
        else
        {
            await foreach (var update in stream.ReadAllAsync(cancellation)) result ??= resultOf(update);
        }
        return result ?? throw new RpcException(new Grpc.Core.Status(StatusCode.Internal, $"the server ended the {title} stream without a result"));
    }
}
