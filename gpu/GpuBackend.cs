using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Backends;
using CarbonDerivatives.Engine.Simulation.Scheduling;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace CarbonDerivatives.Gpu;

/// <summary>
/// The ILGPU back end: the paths of every group are simulated on the accelerator (<see cref="PathKernel"/>) a chunk of
/// blocks at a time, copied back, and read through the groups' payoffs and the job's measures on the CPU workers
/// (<see cref="SimulationJob.OnPaths"/>), which merge them on the scheduler's fixed tree. The device draws the
/// engine's counter-keyed streams, so the paths — and with them every estimate — are the CPU back end's for the same
/// seed: bit for bit on ILGPU's CPU accelerator (tested); on CUDA within the bound stated in README "GPU back end".
/// Runs pseudo-random jobs whose steppers have a kernel (<see cref="DeviceModel"/>). Thread-safe: launches are serialised.
/// </summary>
public sealed class GpuBackend : ISimulationBackend, IDisposable
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, PathKernelParameters, ArrayView<double>, ArrayView<int>, ArrayView<double>, ArrayView<double>,
        ArrayView<double>, ArrayView<double>> _kernel;
    private readonly long _chunkBytes;
    private readonly Lock _launch = new();

    private GpuBackend(Context context, Accelerator accelerator, long chunkBytes)
    {
        _context = context;
        _accelerator = accelerator;
        _chunkBytes = chunkBytes;
        _kernel = accelerator.AcceleratorType == AcceleratorType.Cuda
            ? accelerator.LoadAutoGroupedStreamKernel<Index1D, PathKernelParameters, ArrayView<double>, ArrayView<int>, ArrayView<double>,
                ArrayView<double>, ArrayView<double>, ArrayView<double>>(PathKernel.Simulate<CudaFusedMultiplyAdd>)
            : accelerator.LoadAutoGroupedStreamKernel<Index1D, PathKernelParameters, ArrayView<double>, ArrayView<int>, ArrayView<double>,
                ArrayView<double>, ArrayView<double>, ArrayView<double>>(PathKernel.Simulate<ManagedFusedMultiplyAdd>);
        Name = $"gpu ({accelerator.Name}, {(accelerator.AcceleratorType == AcceleratorType.Cuda ? "CUDA" : "ILGPU CPU accelerator")})";
    }

    /// <summary>On ILGPU's CPU accelerator (kernels run as .NET code on the host's cores): the back end where no GPU is present, and in CI.</summary>
    /// <param name="chunkBytes">Device memory for the paths of one chunk of blocks (all groups); at least one block is always run.</param>
    public static GpuBackend OnCpuAccelerator(long chunkBytes = DefaultChunkBytes)
    {
        var context = Context.Create(builder => builder.CPU());
        return new GpuBackend(context, context.CreateCPUAccelerator(0), chunkBytes);
    }

    /// <summary>On the first CUDA device with at least <paramref name="minimumMemory"/> bytes, or null when there is none.</summary>
    public static GpuBackend? OnCuda(long minimumMemory, long chunkBytes = DefaultChunkBytes)
    {
        Context context;
        try
        {
            // libdevice (from the CUDA toolkit) provides the fused multiply-add the kernels need on CUDA.
            context = Context.Create(builder => builder.Cuda().LibDevice());
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DllNotFoundException or TypeInitializationException)
        {
            return null; // no CUDA driver or toolkit on this machine
        }
        CudaDevice? device = null;
        foreach (var candidate in context.GetCudaDevices())
        {
            if (candidate.MemorySize < minimumMemory) continue;
            device = candidate;
            break;
        }
        if (device is null)
        {
            context.Dispose();
            return null;
        }
        return new GpuBackend(context, device.CreateAccelerator(context), chunkBytes);
    }

    /// <summary>Device memory per chunk unless told otherwise: 256 MiB.</summary>
    public const long DefaultChunkBytes = 256L << 20;

    public string Name { get; }

    /// <summary>The accelerator the kernels run on.</summary>
    public Accelerator Accelerator => _accelerator;

    public string? Unsupported(SimulationJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Settings.Random != RandomKind.Pseudo) return "Sobol' points are not generated on the GPU (use random: pseudo)";
        if (job.Settings.Precision != SimulationPrecision.Double) return "single-precision paths have no GPU kernel";
        foreach (var group in job.Groups)
        {
            if (DeviceModel.Of(group.Stepper, out string? reason) is null) return reason;
        }
        return null;
    }

    public BlockPartial<SampleMoments[]> Run(SimulationJob job, BlockRange range, Action? blockDone, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (Unsupported(job) is { } reason) throw new NotSupportedException(reason);
        var models = job.Groups.Select(g => DeviceModel.Of(g.Stepper, out _)!).ToArray();
        long bytesPerBlock = job.Groups.Select((g, i) => (long)g.Steps * (1 + models[i].StateRows) * SimulationPlan.BlockSize * sizeof(double)).Sum();
        long chunk = Math.Max(1, _chunkBytes / bytesPerBlock);
        var total = BlockPartial<SampleMoments[]>.Empty;
        for (long start = range.Start; start < range.End; start += chunk)
        {
            cancellation.ThrowIfCancellationRequested();
            var blocks = new BlockRange(start, Math.Min(range.End, start + chunk));
            var paths = Simulate(job, models, blocks);
            var partial = BlockScheduler.Run(job.OnPaths(paths), blocks, job.Settings.MaxDegreeOfParallelism, blockDone, cancellation);
            total = total.Merge(job, partial);
        }
        return total;
    }

    /// <summary>The paths of every group of a supported <paramref name="job"/> over <paramref name="blocks"/> (for tests that compare paths).</summary>
    internal IBlockPaths SimulatePaths(SimulationJob job, BlockRange blocks) => Simulate(job, [.. job.Groups.Select(g => DeviceModel.Of(g.Stepper, out _)!)], blocks);

    /// <summary>The paths of every group over <paramref name="blocks"/>, simulated on the device and copied back.</summary>
    private ChunkPaths Simulate(SimulationJob job, DeviceModel[] models, BlockRange blocks)
    {
        var plan = job.Plan;
        int count = (int)blocks.Count, b = SimulationPlan.BlockSize;
        var prices = new double[models.Length][];
        var states = new double[models.Length][];
        lock (_launch)
        {
            using var scratch = _accelerator.Allocate1D<double>((long)count * PathKernel.Lanes * PathKernel.RandomRows * PathKernel.PathsPerThread);
            for (int g = 0; g < models.Length; g++)
            {
                var group = job.Groups[g];
                var model = models[g];
                using var coefficients = _accelerator.Allocate1D(model.Coefficients);
                using var offsets = _accelerator.Allocate1D(model.TableOffsets);
                using var table = _accelerator.Allocate1D(model.Table.Length == 0 ? [0.0] : model.Table);
                using var devicePrices = _accelerator.Allocate1D<double>((long)group.Steps * count * b);
                using var deviceStates = _accelerator.Allocate1D<double>((long)group.Steps * count * model.StateRows * b);
                var parameters = new PathKernelParameters
                {
                    SeedTag = plan.Seed ^ group.StreamTag,
                    FirstBlock = blocks.Start,
                    Blocks = count,
                    Steps = group.Steps,
                    DrawsPerBlock = plan.DrawsPerBlock,
                    StateRows = model.StateRows,
                    Kind = (int)model.Kind,
                    Jumps = model.Jumps ? 1 : 0,
                    InitialLogPrice = model.InitialLogPrice,
                    JumpMean = model.JumpMean,
                    JumpVolatility = model.JumpVolatility,
                };
                _kernel(count * PathKernel.Lanes, parameters, coefficients.View, offsets.View, table.View, scratch.View, devicePrices.View, deviceStates.View);
                _accelerator.Synchronize();
                prices[g] = devicePrices.GetAsArray1D();
                states[g] = deviceStates.GetAsArray1D();
            }
        }
        return new ChunkPaths(blocks.Start, count, prices, states, [.. models.Select(m => m.StateRows)]);
    }

    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }
}
