using System.Globalization;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using Google.Protobuf;
using Grpc.Core;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using Xunit;
using Xunit.Abstractions;

namespace CarbonDerivatives.Tests.Browser;

/// <summary>
/// The spec-lab page in a real headless Chromium against the real server: what a product designer sees is what the
/// gRPC service answers to the same request; validation errors appear at the offending field; charts are drawn;
/// the page stays within its transfer and first-render budget; keyboard-only use and tablet widths work.
/// Screenshots go to tests/TestResults/browser (or $CARBON_TEST_ARTIFACTS).
/// </summary>
[Collection("server")]
public sealed class SpecLabPageTests(BrowserFixture page, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private IWebDriver Driver => page.Driver;

    private SpecService.SpecServiceClient Specs => new(page.Channel);

    private IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    private void OpenSpec(string code)
    {
        var filter = Find("#spec-filter");
        filter.Clear();
        filter.SendKeys(code);
        Find($"button.spec-item[data-code='{code}']").Click();
        page.Until(() => Find("#spec-status").Text.StartsWith($"Valid spec {code}", StringComparison.Ordinal), $"{code} to open and validate");
    }

    /// <summary>Runs the test of the open spec and returns the request the page sent (the JSON it shows).</summary>
    private TestSpecRequest RunTest()
    {
        Find("#tab-test").Click();
        Find("#run-test").Click();
        page.Until(() => Find("#test-results").GetAttribute("data-state") == "done" && Find("#test-status").Text.StartsWith("Done"), "the test report");
        return JsonParser.Default.Parse<TestSpecRequest>(Find("#test-request").GetAttribute("data-request") ?? "");
    }

    /// <summary>The text of every body cell of a table, row by row, read in one script call.</summary>
    private string[][] Cells(string table) =>
        ((IReadOnlyCollection<object>)page.Script($"return [...document.querySelectorAll('{table} tbody tr')].map(tr => [...tr.cells].map(c => c.textContent));")!)
        .Select(row => ((IReadOnlyCollection<object>)row).Select(c => (string)c).ToArray()).ToArray();

    /// <summary>A displayed number ("EUR −1,234.50", "48.0 %") read back.</summary>
    private static double Number(string text) =>
        double.Parse(new string(text.Replace('−', '-').Where(c => char.IsDigit(c) || c is '.' or '-').ToArray()), CultureInfo.InvariantCulture);

    /// <summary>|shown − exact| within half a unit of the last digit shown.</summary>
    private static void AssertShown(double exact, string shown, string what)
    {
        string digits = shown.Contains('.') ? shown[(shown.LastIndexOf('.') + 1)..].TakeWhile(char.IsDigit).Aggregate("", (a, c) => a + c) : "";
        double halfUnit = 0.5 * Math.Pow(10, -digits.Length) + 1e-9;
        Assert.True(Math.Abs(Number(shown) - exact) <= halfUnit, $"{what}: page shows {shown}, gRPC says {exact}");
    }

    [Fact]
    public void IceEuaOptions_TestReport_TablesShowTheGrpcReplyToTheSameRequest()
    {
        page.Open();
        OpenSpec("ICE-EUA-OPT");
        var request = RunTest();
        Assert.Equal("ICE-EUA-OPT", request.Spec.Code);
        Assert.Equal("default", request.Market.SnapshotId);
        var reply = Specs.TestSpec(request);

        var strikes = Cells("#strikes-table");
        Assert.Equal(reply.Strikes.Count, strikes.Length);
        Assert.True(strikes.Length >= 20, $"{strikes.Length} strike rows");
        for (int i = 0; i < strikes.Length; i++)
        {
            var (row, quote) = (strikes[i], reply.Strikes[i]);
            Assert.Equal(quote.Contract, row[0]);
            Assert.Equal(quote.Expiry, row[1]);
            Assert.Equal(quote.Right == OptionRight.Put ? "put" : "call", row[2]);
            AssertShown(quote.Strike, row[3], $"strike {i}");
            AssertShown(quote.Forward, row[4], $"forward {i}");
            AssertShown(quote.Volatility * 100, row[5], $"vol {i}");
            Assert.StartsWith("EUR", row[6].Trim());
            AssertShown(quote.Price, row[6], $"premium {i}");
            AssertShown(quote.Greeks.Delta.Value, row[7], $"delta {i}");
            AssertShown(quote.Greeks.Gamma.Value, row[8], $"gamma {i}");
            AssertShown(quote.Greeks.Vega.Value / 100, row[9], $"vega per vol point {i}");
            AssertShown(quote.Greeks.Theta.Value / 365, row[10], $"theta per day {i}");
        }

        var ladder = Cells("#ladder-table");
        Assert.Equal(reply.Ladder.Rows.Count, ladder.Length);
        for (int i = 0; i < ladder.Length; i++)
            for (int j = 0; j < reply.VolShocks.Count; j++)
                AssertShown(reply.Ladder.Rows[i].Pnl[j], ladder[i][j + 1], $"ladder [{i}, {j}]");

        var stress = Cells("#stress-table");
        Assert.Equal(reply.Stress.Select(s => s.Scenario.Name), stress.Select(r => r[0]));
        for (int i = 0; i < stress.Length; i++) AssertShown(reply.Stress[i].Pnl, stress[i][4], $"stress {reply.Stress[i].Scenario.Name}");

        Assert.True(NonBlankPixels("curve-chart") > 0.02, "the value-and-Greeks chart is blank");
        page.Script("document.querySelector('.report-summary').scrollIntoView()");
        output.WriteLine($"screenshot: {page.Screenshot("ice-eua-options-report")}");
        Find("#curve-chart").SendKeys(Keys.End); // the crosshair at the right end, read out under the chart
        page.Script("document.getElementById('curve-chart').scrollIntoView()");
        page.Until(() => Find("#curve-chart-readout").Text.StartsWith("underlying futures price"), "the crosshair readout");
        output.WriteLine($"screenshot: {page.Screenshot("ice-eua-options-value-and-greeks")}");
        // The whole page at a laptop width in a tall window (docs/spec-lab.png in the README is one of these).
        Driver.Manage().Window.Size = new System.Drawing.Size(1366, 1700);
        page.Script("window.scrollTo(0, 0)");
        output.WriteLine($"screenshot: {page.Screenshot("spec-lab")}");
    }

    [Fact]
    public void Editor_InvalidLotSizeTyped_ErrorShownAtThatField()
    {
        page.Open();
        OpenSpec("ICE-EUA-FUT");
        // Select the lot size's value and type over it, as a person would.
        page.Script("const t = document.getElementById('spec-text'); const i = t.value.indexOf('\"lotSize\": ') + 11; t.focus(); t.setSelectionRange(i, i + 4);");
        new Actions(Driver).SendKeys("-5").Perform();
        page.Until(() => Driver.FindElements(By.CssSelector("#spec-errors button[data-path='lotSize']")).Count == 1, "the lot size error");

        string text = Find("#spec-text").GetAttribute("value") ?? "";
        Assert.Contains("\"lotSize\": -5,", text);
        int line = text[..text.IndexOf("\"lotSize\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var listed = Find("#spec-errors button[data-path='lotSize']");
        Assert.Equal(line.ToString(CultureInfo.InvariantCulture), listed.GetAttribute("data-line"));
        Assert.Contains("lotSize", listed.Text);
        // In the editor: the field itself is marked, its message ends its line, and the gutter flags that line.
        var mark = Find("#spec-marks mark.err[data-path='lotSize']");
        Assert.StartsWith("\"lotSize\": -5", mark.GetAttribute("textContent"));
        var inline = Find($"#spec-marks .inline-error[data-line='{line}']");
        Assert.Contains("greater than zero", inline.GetAttribute("textContent"));
        Assert.Contains(Driver.FindElements(By.CssSelector("#spec-gutter .has-error")), g => g.GetAttribute("textContent") == line.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("true", Find("#spec-text").GetAttribute("aria-invalid"));
        // The mark sits on the lotSize line of the textarea: same height as that line.
        double top = Convert.ToDouble(page.Script("return arguments[0].getBoundingClientRect().top - document.getElementById('spec-marks').getBoundingClientRect().top + document.getElementById('spec-marks').scrollTop;", mark), CultureInfo.InvariantCulture);
        double lineHeight = Convert.ToDouble(page.Script("return parseFloat(getComputedStyle(document.getElementById('spec-text')).lineHeight);"), CultureInfo.InvariantCulture);
        Assert.InRange(top, (line - 1) * lineHeight, (line - 1) * lineHeight + lineHeight + 10);
        Assert.StartsWith("1 error", Find("#spec-status").Text);
        output.WriteLine($"screenshot: {page.Screenshot("invalid-lot-size")}");
    }

    [Fact]
    public void MarginChart_FuturesSpecWithMarginAndHistory_RendersAndMatchesGrpc()
    {
        page.Open();
        Find("#new-spec").Click(); // the template: EUA futures with an initial margin of EUR 5,000 and a 10 % limit
        page.Until(() => Find("#spec-status").Text.StartsWith("Valid spec MY-EUA-FUT", StringComparison.Ordinal), "the template to validate");

        // A made-up, reproducible price history to back-test on (the page reads the file like any user's CSV).
        var random = new Random(20260101);
        double price = 70;
        var csv = new System.Text.StringBuilder("date,price\n");
        for (int day = 0; day < 400; day++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{new DateOnly(2024, 1, 1).AddDays(day):yyyy-MM-dd},{price:F2}\n");
            price *= Math.Exp(0.03 * (random.NextDouble() - 0.5) * 3.4);
        }
        string history = Path.Combine(Path.GetTempPath(), $"carbon-history-{Guid.NewGuid():N}.csv");
        File.WriteAllText(history, csv.ToString());
        try
        {
            Find("#tab-test").Click();
            Find("#history-file").SendKeys(history);
            page.Until(() => Find("#history-status").Text.StartsWith("399 daily returns"), "the history to load");
            var request = RunTest();
            Assert.Equal(399, request.Settings.HistoricalLogReturns.Count);
            Assert.Contains("MY-EUA-FUT", request.Spec.SpecJson);
            var reply = Specs.TestSpec(request);

            var margin = Cells("#margin-table");
            for (int i = 0; i < reply.Margin.MarginNeeded.Count; i++)
            {
                AssertShown(reply.Margin.MarginNeeded[i].LongSide, margin[i][1], "margin needed, long");
                AssertShown(reply.Margin.MarginNeeded[i].ShortSide, margin[i][3], "margin needed, short");
            }
            Assert.Contains($"long {reply.Margin.Coverage.LongSide.Value * 100:F3} %", Find("#margin-coverage").Text);
            Assert.Contains($"long {reply.HistoricalMargin.CoverageLong * 100:F2} %", Find("#history-coverage").Text);

            Assert.True(NonBlankPixels("margin-chart") > 0.05, "the margin chart is blank");
            string png = (string)page.Script("return document.getElementById('margin-chart').toDataURL('image/png');")!;
            Assert.StartsWith("data:image/png;base64,", png);
            Assert.True(png.Length > 10_000, $"PNG of {png.Length} characters");

            // The crosshair reads a bin out, by keyboard.
            Find("#margin-chart").SendKeys(Keys.ArrowRight);
            page.Until(() => Find("#margin-chart-readout").Text.Contains("paths ("), "the chart readout");
            ((IJavaScriptExecutor)Driver).ExecuteScript("document.getElementById('margin-chart').scrollIntoView()");
            output.WriteLine($"screenshot: {page.Screenshot("margin-chart")}");
        }
        finally
        {
            File.Delete(history);
        }
    }

    [Fact]
    public void MarginComparisonAndHedgedBooks_TablesShowTheGrpcRows()
    {
        page.Open();
        Find("#new-spec").Click(); // the template: EUA futures with an initial margin of EUR 5,000 and a 10 % limit
        page.Until(() => Find("#spec-status").Text.StartsWith("Valid spec MY-EUA-FUT", StringComparison.Ordinal), "the template to validate");
        Find("#tab-test").Click();
        Find("#alt-margin-0").SendKeys("8000");
        Find("#alt-limit-0").SendKeys("5");
        Find("#alt-limit-1").SendKeys("20");

        var request = RunTest();
        Assert.Equal(2, request.Settings.MarginAlternatives.Count);
        Assert.Equal(0.05, request.Settings.MarginAlternatives[0].LimitFraction, 12);
        Assert.False(request.Settings.MarginAlternatives[1].HasInitialMarginPerLot);
        var reply = Specs.TestSpec(request);

        var books = Cells("#hedged-margin-table");
        Assert.Equal(reply.HedgedMargins.Books.Select(b => b.Book).ToArray(), books.Select(r => r[0]).ToArray());
        for (int i = 0; i < books.Length; i++)
        {
            AssertShown(reply.HedgedMargins.Books[i].Margin, books[i][2], $"margin of {books[i][0]}");
            AssertShown(reply.HedgedMargins.Books[i].LegsAlone, books[i][3], $"legs alone of {books[i][0]}");
        }

        var rows = Cells("#margin-comparison-table");
        Assert.Equal(["the spec", "alternative 1", "alternative 2"], rows.Select(r => r[0]).ToArray());
        for (int i = 0; i < rows.Length; i++)
        {
            var row = reply.MarginComparison[i];
            if (row.Terms.HasInitialMarginPerLot)
            {
                AssertShown(row.Terms.InitialMarginPerLot, rows[i][1], $"margin of row {i}");
                AssertShown(row.Coverage.EitherSide.Value * 100, rows[i][3].Split('±')[0], $"coverage of row {i}");
            }
            else Assert.Equal("–", rows[i][3]);
            AssertShown(row.PriceLimit.ProbabilityLimitHit.Value * 100, rows[i][6].Split('±')[0], $"P(limit hit) of row {i}");
            AssertShown(row.PriceLimit.MaxLossPerLot, rows[i][7], $"max loss of row {i}");
        }
    }

    [Fact]
    public void PageLoad_TransferUnder500KBAndFirstRenderUnderOneSecond()
    {
        Driver.Navigate().GoToUrl("about:blank");
        page.Driver.ExecuteCdpCommand("Network.clearBrowserCache", new Dictionary<string, object?>());
        page.Open();
        page.Until(() => (bool)page.Script("return document.readyState === 'complete' && performance.getEntriesByType('resource').every(r => r.responseEnd > 0);")!, "every resource");
        var figures = (IDictionary<string, object>)page.Script("""
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            const ready = performance.getEntriesByName('lab:ready')[0];
            return {
              transfer: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
              encoded: nav.encodedBodySize + resources.reduce((sum, r) => sum + r.encodedBodySize, 0),
              requests: resources.length + 1,
              external: resources.filter(r => new URL(r.name).origin !== location.origin).length,
              firstPaint: paint ? paint.startTime : -1,
              ready: ready ? ready.startTime : -1,
            };
            """)!;
        double transfer = Convert.ToDouble(figures["transfer"], CultureInfo.InvariantCulture);
        double firstPaint = Convert.ToDouble(figures["firstPaint"], CultureInfo.InvariantCulture);
        double ready = Convert.ToDouble(figures["ready"], CultureInfo.InvariantCulture);
        output.WriteLine($"transfer {transfer / 1024:F1} KB in {figures["requests"]} requests (bodies {Convert.ToDouble(figures["encoded"], CultureInfo.InvariantCulture) / 1024:F1} KB), first contentful paint {firstPaint:F0} ms, spec list shown at {ready:F0} ms");
        Assert.Equal(0L, Convert.ToInt64(figures["external"], CultureInfo.InvariantCulture));
        Assert.True(transfer > 10_000, "the transfer sizes were not measured (cache?)");
        Assert.True(transfer < 500 * 1024, $"the page transferred {transfer / 1024:F1} KB");
        Assert.InRange(firstPaint, 1, 1000);
        Assert.InRange(ready, 1, 1000);
    }

    [Fact]
    public void KeyboardOnly_FilterOpenAndTestASpec()
    {
        page.Open();
        var actions = new Actions(Driver);
        string Active() => (string)page.Script("return document.activeElement.id || document.activeElement.dataset.code || document.activeElement.tagName;")!;
        void TabUntil(string id, bool back = false)
        {
            for (int i = 0; i < 25 && Active() != id; i++)
                (back ? actions.KeyDown(Keys.Shift).SendKeys(Keys.Tab).KeyUp(Keys.Shift) : actions.SendKeys(Keys.Tab)).Perform();
            Assert.Equal(id, Active());
        }

        TabUntil("spec-filter");
        actions.SendKeys("EUA OPT").Perform();
        page.Until(() => Find("#library-count").Text.StartsWith("1 of"), "the filter");
        TabUntil("ICE-EUA-OPT");
        actions.SendKeys(Keys.Enter).Perform();
        page.Until(() => Find("#spec-status").Text.StartsWith("Valid spec ICE-EUA-OPT") && Active() == "spec-text", "the spec to open in the editor");
        TabUntil("tab-spec", back: true);
        actions.SendKeys(Keys.ArrowRight).Perform();
        Assert.Equal("tab-test", Active());
        Assert.True(Find("#panel-test").Displayed);
        actions.SendKeys(Keys.Tab).Perform();
        Assert.Equal("lab-contracts", Active());
        actions.SendKeys(Keys.Enter).Perform(); // Enter in a field submits the form: the test runs
        page.Until(() => Find("#test-results").GetAttribute("data-state") == "done", "the test report");
        Assert.NotEmpty(Cells("#strikes-table"));
        // The focused element is always visibly outlined.
        Assert.NotEqual("none", (string)page.Script("return getComputedStyle(document.activeElement, ':focus-visible').outlineStyle;")!);
    }

    [Fact]
    public void SaveSpec_NewSpecFromTemplate_SavedAndListedThenDeleted()
    {
        page.Open();
        // Saving needs the admin role: the key goes in the Access box and is sent with every call from then on.
        Find("details.access summary").Click();
        Find("#credential-value").SendKeys(Api.TestCredentials.AdminKey);
        Find("#access-form button[type=submit]").Click();
        page.Until(() => Find("#access-status").Text.StartsWith("Sent with every request", StringComparison.Ordinal), "the credential");
        Find("#new-spec").Click();
        page.Until(() => Find("#spec-status").Text.StartsWith("Valid spec MY-EUA-FUT", StringComparison.Ordinal), "the template to validate");
        page.Script("const t = document.getElementById('spec-text'); t.value = t.value.replace('MY-EUA-FUT', 'PAGE-SAVED-FUT'); t.dispatchEvent(new Event('input'));");
        Find("#save-spec").Click();
        page.Until(() => Find("#save-status").Text.StartsWith("Saved as PAGE-SAVED-FUT", StringComparison.Ordinal), "the save");
        Assert.Equal(SpecOrigin.Saved, Specs.GetSpec(new GetSpecRequest { Code = "PAGE-SAVED-FUT" }).Summary.Origin);
        page.Until(() => Find("button.spec-item[data-code='PAGE-SAVED-FUT'] .badge").Text == "saved", "the saved spec in the library");

        // Saving a spec that breaks the rules: nothing is saved, and the server's field violations show in the editor.
        page.Script("const t = document.getElementById('spec-text'); t.value = t.value.replace('\"currency\": \"EUR\"', '\"currency\": \"euro\"'); t.dispatchEvent(new Event('input'));");
        Find("#save-spec").Click();
        page.Until(() => Find("#save-status").Text.StartsWith("Not saved: INVALID_ARGUMENT", StringComparison.Ordinal), "the refusal");
        Assert.Single(Driver.FindElements(By.CssSelector("#spec-errors button[data-path='currency']")));

        page.Script("window.confirm = () => true;");
        Find("#delete-spec").Click();
        page.Until(() => Driver.FindElements(By.CssSelector("button.spec-item[data-code='PAGE-SAVED-FUT']")).Count == 0, "the deletion");
        Assert.Equal(StatusCode.NotFound, Assert.Throws<RpcException>(() => Specs.GetSpec(new GetSpecRequest { Code = "PAGE-SAVED-FUT" })).StatusCode);
    }

    [Fact]
    public void PriceForm_ShowsTheGrpcPriceAndMarksABadStrikeAtItsInput()
    {
        page.Open();
        Find("#tab-price").Click();
        page.Until(() => Driver.FindElements(By.CssSelector("#price-delivery option[value='2026-12-21']")).Count == 1, "the snapshot's deliveries");
        Find("#price-form button[type=submit]").Click();
        page.Until(() => Driver.FindElements(By.Id("price-value")).Count == 1, "the price");
        var request = Requests.EuaDec26(); // the form's defaults: EUA Dec-26 call 75, 1,000 t, EUR, default snapshot
        request.Greeks = true;
        var reply = new PricingService.PricingServiceClient(page.Channel).Price(request);
        string shown = Find("#price-value strong").Text;
        Assert.StartsWith("EUR", shown);
        AssertShown(reply.Value, shown, "premium");
        var greeks = Cells(".results table");
        AssertShown(reply.Greeks.Delta.Value, greeks[0][1], "delta");
        AssertShown(reply.Greeks.Vega.Value / 100, greeks[2][1], "vega per vol point");

        var strike = Find("#price-strike");
        strike.Clear();
        strike.SendKeys("-75");
        Find("#price-form button[type=submit]").Click();
        page.Until(() => Driver.FindElements(By.CssSelector("#price-strike + .field-error, label:has(#price-strike) .field-error")).Count == 1, "the strike error");
        Assert.Equal("true", strike.GetAttribute("aria-invalid"));
        Assert.Contains("greater than zero", Find("label:has(#price-strike) .field-error").Text);
    }

    [Theory]
    [InlineData(1366, 768, "laptop")]
    [InlineData(820, 1180, "tablet")]
    public void Layout_HoldsWithoutSidewaysScrolling(int width, int height, string name)
    {
        page.Open(width, height);
        OpenSpec("ICE-EUA-OPT");
        RunTest();
        var overflow = (IReadOnlyCollection<object>)page.Script("""
            const limit = document.documentElement.clientWidth;
            return [...document.querySelectorAll('header, main, section, .panel, .card, canvas, .table-scroll')]
              .filter(e => e.getBoundingClientRect().right > limit + 1).map(e => e.id || e.className);
            """)!;
        Assert.Empty(overflow);
        Assert.True((bool)page.Script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;")!);
        Find("#tab-spec").Click();
        output.WriteLine($"screenshot: {page.Screenshot($"spec-lab-{name}")}");
    }

    /// <summary>Share of a canvas's pixels that are not the white background.</summary>
    private double NonBlankPixels(string canvasId) => Convert.ToDouble(page.Script($$"""
        const c = document.getElementById('{{canvasId}}');
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
        return ink / (c.width * c.height);
        """)!, CultureInfo.InvariantCulture);
}
