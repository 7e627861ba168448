using System.Threading.Channels;

namespace CarbonDerivatives.Api.Hosting;

/// <summary>
/// Runs a long engine job while streaming its progress: the engine reports fractions from its worker
/// threads into a one-slot channel (only the latest matters), and this loop writes a first message at
/// once, then at most one per <see cref="Interval"/> until the job ends.
/// </summary>
internal static class ProgressStream
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> RunAsync<T>(Func<IProgress<double>, Task<T>> job, Func<double, Task> writeProgress, CancellationToken cancellation)
    {
        var latest = Channel.CreateBounded<double>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var progress = new ChannelProgress(latest.Writer);
        await writeProgress(0); // tells the client at once that the job has started
        var work = job(progress);
        double written = 0;
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(Interval, cancellation));
            if (latest.Reader.TryRead(out double fraction) && fraction > written && !work.IsCompleted)
            {
                written = fraction;
                await writeProgress(fraction);
            }
        }
        return await work;
    }

    private sealed class ChannelProgress(ChannelWriter<double> writer) : IProgress<double>
    {
        public void Report(double value) => writer.TryWrite(value);
    }
}
