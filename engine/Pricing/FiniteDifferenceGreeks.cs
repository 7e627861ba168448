namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Greeks of a closed-form price V(F, σ, T, r) by central differences: small relative bumps, since the
/// closed forms are accurate to ~1e-15 (errors O(h²) + O(ε/h)).
/// </summary>
internal static class FiniteDifferenceGreeks
{
    private const string Method = "finite-difference";

    public static ValuationGreeks Compute(Func<double, double, double, double, double> price, double forward, double vol, double expiry, double rate)
    {
        double v = price(forward, vol, expiry, rate);
        double hf = 1e-4 * forward, hg = 1e-3 * forward, hv = 1e-4, hr = 1e-5;
        double ht = Math.Min(1e-4, expiry / 2);
        double delta = (price(forward + hf, vol, expiry, rate) - price(forward - hf, vol, expiry, rate)) / (2 * hf);
        double gamma = (price(forward + hg, vol, expiry, rate) - 2 * v + price(forward - hg, vol, expiry, rate)) / (hg * hg);
        double vega = (price(forward, vol + hv, expiry, rate) - price(forward, Math.Max(vol - hv, 0), expiry, rate)) / (vol >= hv ? 2 * hv : hv + vol);
        double theta = ht > 0 ? -(price(forward, vol, expiry + ht, rate) - price(forward, vol, expiry - ht, rate)) / (2 * ht) : 0;
        double rho = (price(forward, vol, expiry, rate + hr) - price(forward, vol, expiry, rate - hr)) / (2 * hr);
        return new ValuationGreeks(new(delta, 0, Method), new(gamma, 0, Method), new(vega, 0, Method), new(theta, 0, Method), new(rho, 0, Method));
    }
}
