using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Engine.Simulation.Backends;
using CarbonDerivatives.Gpu;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Hosting;

/// <summary>
/// The back ends a request may name (monte_carlo.backend, default Carbon:Backend): cpu, gpu (a CUDA device, else
/// ILGPU's CPU accelerator) and auto (a CUDA device with <see cref="AutoMinimumMemory"/> or more, else the CPU). The
/// ILGPU contexts are created on first use and live as long as the process: a device is one per machine, and
/// creating a context and compiling the kernel costs seconds.
/// </summary>
public static class SimulationBackends
{
    /// <summary>Device memory auto asks of a CUDA device: 4 GiB holds the default chunk many times over.</summary>
    public const long AutoMinimumMemory = 4L << 30;

    private static readonly Lazy<GpuBackend?> Cuda = new(() => GpuBackend.OnCuda(minimumMemory: 0));
    private static readonly Lazy<GpuBackend> Ilgpu = new(() => Cuda.Value ?? GpuBackend.OnCpuAccelerator());

    /// <summary>The configured default's request value (Carbon:Backend = cpu | gpu | auto).</summary>
    /// <exception cref="InvalidOperationException">Any other value.</exception>
    public static Proto.SimulationBackend Configured(string configured) => configured.Trim().ToLowerInvariant() switch
    {
        "" or "cpu" => Proto.SimulationBackend.Cpu,
        "gpu" => Proto.SimulationBackend.Gpu,
        "auto" => Proto.SimulationBackend.Auto,
        _ => throw new InvalidOperationException($"Carbon:Backend must be cpu, gpu or auto, got '{configured}'"),
    };

    /// <summary>The settings' back end (null: the CPU) and whether a job it cannot run falls back to the CPU.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT on monte_carlo.backend for a value the enum lacks.</exception>
    public static (ISimulationBackend? Backend, bool FallBackToCpu) Resolve(Proto.SimulationBackend requested, string configured) =>
        (requested == Proto.SimulationBackend.Unspecified ? Configured(configured) : requested) switch
        {
            var unknown when !Enum.IsDefined(unknown) => throw RpcErrors.InvalidArgument("monte_carlo.backend", $"unknown back end {(int)unknown}"),
            Proto.SimulationBackend.Gpu => (Ilgpu.Value, false),
            Proto.SimulationBackend.Auto => Cuda.Value is { } cuda && cuda.Accelerator.MemorySize >= AutoMinimumMemory ? (cuda, true) : (null, false),
            _ => (null, false),
        };
}
