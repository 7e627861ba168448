using System.Runtime.ExceptionServices;
using CarbonDerivatives.Api.Errors;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// Runs a job across the cluster: cuts its blocks into shards (consecutive block ranges), sends each to a
/// <see cref="IShardGrain"/> on the live silo with the fewest of its shards in flight (<see cref="ShardPlacement"/>), keeps a few shards per live silo in flight, and merges the partials in
/// shard order — the fixed tree of <see cref="Engine.Simulation.Scheduling.BlockPartial{T}"/>, so the result has the bits of
/// one node running every block. A shard whose silo fails is run again under a new key, which Orleans places on a live
/// silo; cancellation reaches every shard in flight and no new shard starts. A job is first admitted to the cluster's
/// shard queue (<see cref="IShardQueueGrain"/>), bounded by <see cref="ClusterSettings.MaxQueuedShards"/>.
/// </summary>
public sealed class ClusterJobRunner(IGrainFactory grains, IClusterMembershipService membership, ILocalSiloDetails local,
    PreparedShardJobs prepared, IOptions<ClusterSettings> settings, ILogger<ClusterJobRunner> logger)
{
    /// <summary>The merged result of every segment of <paramref name="job"/>, and how its shards ran.</summary>
    /// <param name="job">The job as planned here from <paramref name="request"/>.</param>
    /// <param name="kind">What <paramref name="request"/> is.</param>
    /// <param name="request">Protobuf bytes every silo rebuilds the job from.</param>
    /// <param name="progress">Fraction of blocks done, as shards complete.</param>
    /// <param name="cancellation">Stops every shard.</param>
    public async Task<(T[] Segments, ShardReport Report)> RunAsync<T>(ShardJob<T> job, ClusterJobKind kind, byte[] request, IProgress<double>? progress,
        CancellationToken cancellation)
    {
        var o = settings.Value;
        long blocks = job.Layout.BlockCount;
        var shards = job.Layout.All.Split((int)Math.Clamp(blocks, 1, o.MaxShardsPerJob));
        var jobId = Guid.NewGuid();
        prepared.Keep(jobId, job); // this node's shards use the job it just planned
        var queue = grains.GetGrain<IShardQueueGrain>(0);
        var admission = await AdmitAsync(queue, jobId, shards.Count, cancellation);
        if (!admission.Admitted)
            throw RpcErrors.ResourceExhausted("server.cluster_shards", $"the cluster's shard queue holds {admission.QueuedBefore} shards and this job's " +
                $"{shards.Count} would pass Carbon:Cluster:MaxQueuedShards ({o.MaxQueuedShards}); retry later");
        try
        {
            return await RunAdmittedAsync(job, kind, request, progress, shards, jobId, cancellation);
        }
        finally
        {
            _ = ReleaseAsync(queue, jobId); // not awaited: the queue's silo may be the one that just died
        }
    }

    private async Task<(T[] Segments, ShardReport Report)> RunAdmittedAsync<T>(ShardJob<T> job, ClusterJobKind kind, byte[] request,
        IProgress<double>? progress, IReadOnlyList<Engine.Simulation.Scheduling.BlockRange> shards, Guid jobId, CancellationToken cancellation)
    {
        var o = settings.Value;
        long blocks = job.Layout.BlockCount;
        var outcomes = new ShardOutcome[shards.Count];
        int retried = 0;
        long done = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var window = new SemaphoreSlim(Math.Max(1, LiveSilos() * o.ShardsInFlightPerSilo));
        var placement = new ShardPlacement(membership);

        async Task Shard(int i)
        {
            try
            {
                await window.WaitAsync(stop.Token);
                try
                {
                    var work = new ShardWork(jobId, kind, request, shards[i].Start, shards[i].End, blocks);
                    for (int attempt = 1; ; attempt++)
                    {
                        var silo = placement.Take();
                        bool failed = false;
                        try
                        {
                            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
                            outcomes[i] = await grains.GetGrain<IShardGrain>($"{jobId:N}/{i}/{attempt}").Run(work, stop.Token);
                            break;
                        }
                        catch (Exception e) when (e is OrleansException or TimeoutException && attempt < o.MaxShardAttempts && !stop.IsCancellationRequested)
                        {
                            failed = true;
                            Interlocked.Increment(ref retried);
                            logger.LogWarning("Shard {Shard} of job {Job} failed on {Silo}, attempt {Attempt} ({Error}); placing it again", i, jobId, silo,
                                attempt, e.Message);
                        }
                        finally
                        {
                            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                            placement.Done(silo, failed);
                        }
                        // Reached after a failure only. Until membership declares a killed silo dead (a few seconds), calls
                        // routed through it (its grain-directory partition) are rejected: back off rather than spend every attempt.
                        await Task.Delay(RetryDelay(attempt), stop.Token);
                    }
                }
                finally
                {
                    window.Release();
                }
                progress?.Report((double)Interlocked.Add(ref done, shards[i].Count) / blocks);
            }
            catch when (!stop.IsCancellationRequested)
            {
                stop.Cancel(); // one shard failed for good: stop the others
                throw;
            }
        }

        var all = Task.WhenAll(Enumerable.Range(0, shards.Count).Select(Shard));
        try
        {
            await all;
        }
        catch
        {
            cancellation.ThrowIfCancellationRequested();
            var error = all.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? all.Exception?.InnerException;
            if (error is not null) ExceptionDispatchInfo.Throw(error);
            throw;
        }

        var partial = job.Decode(outcomes[0].Partial);
        for (int i = 1; i < outcomes.Length; i++) partial = partial.Merge(job.Job, job.Decode(outcomes[i].Partial));
        var bySilo = outcomes.GroupBy(x => x.Silo, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var report = new ShardReport(bySilo, shards.Count, retried, request.Length, outcomes.Sum(x => (long)x.Partial.Length), outcomes.Sum(x => x.ElapsedMs));
        return (partial.Complete(job.Job), report);
    }

    /// <summary>Asks the queue to admit the job, again if the queue's silo has failed (Orleans activates it on a live one).</summary>
    private async Task<ShardAdmission> AdmitAsync(IShardQueueGrain queue, Guid jobId, int shards, CancellationToken cancellation)
    {
        var o = settings.Value;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await queue.Admit(jobId, shards, local.SiloAddress, o.MaxQueuedShards).WaitAsync(cancellation);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && attempt < o.MaxShardAttempts)
            {
                logger.LogWarning("The cluster's shard queue did not answer job {Job}, attempt {Attempt} ({Error}); asking again", jobId, attempt, e.Message);
            }
        }
    }

    private async Task ReleaseAsync(IShardQueueGrain queue, Guid jobId)
    {
        try
        {
            await queue.Release(jobId);
        }
        catch (Exception e)
        {
            logger.LogWarning("Job {Job} could not leave the cluster's shard queue ({Error}); it is dropped when its node leaves", jobId, e.Message);
        }
    }

    /// <summary>0.5 s, 1 s, 2 s, 4 s, ...: the attempts of a shard span the membership's failure detection (2 missed 2 s probes).</summary>
    private static TimeSpan RetryDelay(int attempt) => TimeSpan.FromSeconds(Math.Min(0.5 * Math.Pow(2, attempt - 1), 8));

    private int LiveSilos() => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
}
