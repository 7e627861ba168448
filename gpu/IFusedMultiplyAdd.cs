using ILGPU.Runtime.Cuda;

namespace CarbonDerivatives.Gpu;

/// <summary>
/// a·b + c with one rounding, as each accelerator provides it: ILGPU has no device-neutral FMA, so a kernel is
/// instantiated with the one its accelerator compiles.
/// </summary>
internal interface IFusedMultiplyAdd
{
    static abstract double Apply(double a, double b, double c);
}

/// <summary>The runtime's <see cref="Math.FusedMultiplyAdd(double, double, double)"/>: ILGPU's CPU accelerator runs kernels as .NET code.</summary>
internal readonly struct ManagedFusedMultiplyAdd : IFusedMultiplyAdd
{
    public static double Apply(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);
}

/// <summary>CUDA's fma.rn.f64 through libdevice (<see cref="LibDevice.FusedMultiplyAdd(double, double, double)"/>).</summary>
internal readonly struct CudaFusedMultiplyAdd : IFusedMultiplyAdd
{
    public static double Apply(double a, double b, double c) => LibDevice.FusedMultiplyAdd(a, b, c);
}
