using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CarbonDerivatives.Protos.V1;
using Google.Protobuf;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// The README's Python client steps, run as written: stubs generated from protos/ by protoc with Debian's
/// grpc_python_plugin, then examples/python/*.py run by Debian's /usr/bin/python3 (python3-grpcio) against a real
/// server. What each script prints must be what the server answers the same request over the C# client, within
/// 4 SE of the closed form, and the very line the README shows; the README must show each script verbatim.
/// The packages come from scripts/test.sh; without them these tests fail, they are never skipped.
/// </summary>
[Collection("server")]
public sealed class PythonClientTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private const string Python = "/usr/bin/python3", Plugin = "/usr/bin/grpc_python_plugin";
    private const string Packages = "python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc";
    private static readonly string Output = AppContext.BaseDirectory;
    private readonly string _stubs = Directory.CreateTempSubdirectory("carbon-python-").FullName;

    public void Dispose() => Directory.Delete(_stubs, recursive: true);

    /// <summary>host:port for grpc.insecure_channel.</summary>
    private string Target => new Uri(server.Address).Authority;

    [Fact]
    public async Task PriceOption_PrintsTheServersMonteCarloPriceAndDeltaWithinFourSEOfBlack76()
    {
        string line = (await RunScript("price_option.py", Target)).Single();
        var m = Regex.Match(line, @"^(?<v>[\d.]+) ± (?<se>[\d.]+) EUR \(monte-carlo-black76\), delta (?<d>[\d.]+) ± (?<dse>[\d.]+) \((?<dm>[a-z-]+)\)$");
        Assert.True(m.Success, $"unexpected output: {line}");

        // The same request over the C# client: the script printed the server's own figures (MC is deterministic in the seed).
        var pricing = new PricingService.PricingServiceClient(server.Channel);
        var request = new PriceRequest
        {
            RequestId = "py-1", Market = new MarketSource { SnapshotId = "default" }, Greeks = true, Method = PricingMethod.MonteCarlo,
            Instrument = Requests.EuaDec26().Instrument,
            MonteCarlo = new MonteCarloSettings { Paths = 200_000, Steps = 12, Seed = 7, Antithetic = true },
        };
        var reply = await pricing.PriceAsync(request);
        Assert.Equal(reply.Value.ToString("F2", CultureInfo.InvariantCulture), m.Groups["v"].Value);
        Assert.Equal(reply.StandardError.ToString("F2", CultureInfo.InvariantCulture), m.Groups["se"].Value);
        Assert.Equal(reply.Greeks.Delta.Value.ToString("F1", CultureInfo.InvariantCulture), m.Groups["d"].Value);
        Assert.Equal(reply.Greeks.Delta.Method, m.Groups["dm"].Value);

        // Against the closed form of the same option (Black-76 on the same snapshot).
        var closedForm = await pricing.PriceAsync(new PriceRequest { Instrument = request.Instrument, Market = request.Market, Greeks = true });
        Assert.True(Math.Abs(reply.Value - closedForm.Value) < 4 * reply.StandardError, $"MC {reply.Value} ± {reply.StandardError} vs Black-76 {closedForm.Value}");
        Assert.True(Math.Abs(reply.Greeks.Delta.Value - closedForm.Greeks.Delta.Value) < 4 * reply.Greeks.Delta.StandardError,
            $"delta {reply.Greeks.Delta.Value} ± {reply.Greeks.Delta.StandardError} vs Black-76 {closedForm.Greeks.Delta.Value}");

        Assert.Contains($"# {line}", Readme);
    }

    [Fact]
    public async Task StreamRisk_PrintsProgressThenTheServersTotalsWithinFourSEOfTheClosedForms()
    {
        string sample = Path.Combine(Output, "samples", "risk-sensitivities-mc.json");
        var lines = await RunScript("stream_risk.py", Target, sample);
        Assert.True(lines.Count >= 2, $"expected progress before the result: {string.Join(" | ", lines)}");
        Assert.All(lines[..^1], l => Assert.Matches(@"^\s*\d+% \w", l));
        var m = Regex.Match(lines[^1], @"^total (?<p>[\d,]+) ± (?<pse>[\d,]+) EUR, delta (?<d>[\d,]+) ± (?<dse>[\d,]+), vega (?<v>[\d,]+) ± (?<vse>[\d,]+)$");
        Assert.True(m.Success, $"unexpected output: {lines[^1]}");

        var risk = new RiskService.RiskServiceClient(server.Channel);
        var request = JsonParser.Default.Parse<SensitivitiesRequest>(await File.ReadAllTextAsync(sample));
        var total = (await Result(risk, request)).Total.Measures;
        static string Whole(double x) => x.ToString("N0", CultureInfo.InvariantCulture);
        Assert.Equal(Whole(total.Price.Value), m.Groups["p"].Value);
        Assert.Equal(Whole(total.Delta.Value), m.Groups["d"].Value);
        Assert.Equal(Whole(total.Vega.Value), m.Groups["v"].Value);

        // The same book in closed form: the simulated totals lie within 4 SE.
        request.Inputs.Settings.Method = PricingMethod.Unspecified;
        var exact = (await Result(risk, request)).Total.Measures;
        foreach (var (name, mc, closed) in new[] { ("price", total.Price, exact.Price), ("delta", total.Delta, exact.Delta), ("vega", total.Vega, exact.Vega) })
            Assert.True(Math.Abs(mc.Value - closed.Value) < 4 * mc.StandardError, $"{name}: MC {mc.Value} ± {mc.StandardError} vs closed form {closed.Value}");

        Assert.Contains($"# {lines[^1]}", Readme);
    }

    [Theory]
    [InlineData("price_option.py")]
    [InlineData("stream_risk.py")]
    public void Readme_ShowsTheScriptVerbatim(string script)
    {
        string code = File.ReadAllText(Path.Combine(Output, "python", script)).ReplaceLineEndings("\n");
        Assert.Contains(code, Readme);
    }

    private static string Readme => File.ReadAllText(Path.Combine(Output, "README.md")).ReplaceLineEndings("\n");

    private static async Task<SensitivitiesResult> Result(RiskService.RiskServiceClient risk, SensitivitiesRequest request)
    {
        using var call = risk.Sensitivities(request);
        SensitivitiesResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result = update.Result ?? result;
        return result!;
    }

    /// <summary>Generates the stubs (once per test) and runs examples/python/<paramref name="script"/>; its stdout lines.</summary>
    private async Task<List<string>> RunScript(string script, params string[] args)
    {
        foreach (string tool in new[] { Python, Plugin })
            Assert.True(File.Exists(tool), $"{tool} is missing: install {Packages} (scripts/test.sh does)");
        string protos = Path.Combine(Output, "protos");
        string google = Path.Combine(Output, "google-protos"); // the Google.Api.CommonProtos package's google/api/*.proto
        var files = Directory.GetFiles(Path.Combine(protos, "carbon", "v1"), "*.proto")
            .Concat(Directory.GetFiles(Path.Combine(google, "google", "api"), "*.proto"));
        await Run("protoc", ["-I", protos, "-I", google, $"--python_out={_stubs}", $"--grpc_out={_stubs}", $"--plugin=protoc-gen-grpc={Plugin}", .. files]);
        string output = await Run(Python, [Path.Combine(Output, "python", script), .. args]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }

    private async Task<string> Run(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Output };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["PYTHONPATH"] = _stubs;
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run {program}: install {Packages} (scripts/test.sh does)", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} ran past 120 s");
            }
            Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {await stderr}");
            return await stdout;
        }
    }
}
