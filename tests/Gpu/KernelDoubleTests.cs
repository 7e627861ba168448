using CarbonDerivatives.Engine.Simulation.Simd;
using CarbonDerivatives.Gpu;
using Xunit;

namespace CarbonDerivatives.Tests.Gpu;

/// <summary>
/// The kernels' double (ILGPU bit casts, the accelerator's FMA) gives the engine's scalar tier's bits in exp, log and
/// sin/cos of turns, special values included; on ILGPU's CPU accelerator the kernels run this same .NET code.
/// </summary>
public sealed class KernelDoubleTests
{
    private static readonly double[] Inputs =
    [
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, 4.9e-324, 2.2250738585072014e-308, 709.7, -745.0, 710.0, -746.0, 1e308,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN, 4.2485, -0.123456789, 0.999999999999, 1.1102230246251565e-16, 0.3333333333333333,
    ];

    [Fact]
    public void ExpLogAndSinCos_EqualTheScalarTierBitForBit()
    {
        foreach (double x in Inputs)
        {
            var kernel = new KernelDouble<ManagedFusedMultiplyAdd>(x);
            var scalar = SimdDoubleScalar.Broadcast(x);
            Assert.Equal(Bits(Scalar(ElementaryFunctions.Exp(scalar))), Bits(ElementaryFunctions.Exp(kernel).Value));
            Assert.Equal(Bits(Scalar(ElementaryFunctions.Log(scalar))), Bits(ElementaryFunctions.Log(kernel).Value));
            var (sin, cos) = ElementaryFunctions.SinCosOfTurns(kernel);
            var (scalarSin, scalarCos) = ElementaryFunctions.SinCosOfTurns(scalar);
            Assert.Equal(Bits(Scalar(scalarSin)), Bits(sin.Value));
            Assert.Equal(Bits(Scalar(scalarCos)), Bits(cos.Value));
        }
    }

    private static double Scalar(SimdDoubleScalar v)
    {
        var one = new double[1];
        v.Store(one, 0);
        return one[0];
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
