// "Test this spec": the TestSpec reply as tables (strikes and Greeks per lot, ladder, stress, margin adequacy and
// the history back-test) and charts (value and Greeks against the price, P&L histogram against the margin).
import { el, show, table } from './dom.js';
import { histogram, linePanels, downloadPng } from './charts.js';
import { money, number, percent, shock, volPoints } from './format.js';

const rightName = right => (right === 'OPTION_RIGHT_PUT' ? 'put' : 'call');

/** A figure card: heading, chart canvas, readout and a PNG button. */
function chartCard(id, title, description, file) {
  const canvas = el('canvas', { id, class: 'chart', role: 'img', 'aria-label': `${title}. ${description}` });
  const readout = el('p', { class: 'readout', 'aria-live': 'polite', id: `${id}-readout` });
  const button = el('button', { type: 'button', class: 'secondary', id: `${id}-png`, onclick: () => downloadPng(canvas, file) }, 'Download PNG');
  return { canvas, readout, node: el('figure', { class: 'card chart-card' }, el('figcaption', {}, el('h3', {}, title), button), canvas, readout) };
}

const section = (title, ...content) => el('section', { class: 'card' }, el('h3', {}, title), ...content);

export function renderReport(target, report, { snapshot }) {
  const c = report.currency;
  const perLot = `${c} per lot`;
  const parts = [];
  parts.push(el('p', { class: 'report-summary' },
    el('strong', {}, report.specCode), ` against snapshot “${snapshot}”, valued ${report.valuationDate}. `,
    `Reference lot: ${report.instrument}; underlying at ${money(report.underlyingPrice, c)}/t; `,
    `1 lot = ${number(report.lotSize, 0)} ${report.unit}. Every amount is per lot in ${c}. `,
    el('span', { class: 'muted' }, `Server time ${number(report.timing?.totalMs ?? 0, 0)} ms.`)));

  if (report.errors?.length) {
    parts.push(section('Points that could not be valued', el('ul', { class: 'errors' },
      report.errors.map(e => el('li', {}, el('code', {}, e.field || e.code), ' ', e.message)))));
  }

  if (report.calendar?.length) {
    parts.push(section('Listed contracts', table([
      { label: 'Contract', cell: r => r.label, header: true },
      { label: 'Last trading day', cell: r => r.lastTradingDay },
      { label: 'Exercises into', cell: r => r.underlyingContract || '–' },
      { label: 'Its last trading day', cell: r => r.underlyingLastTradingDay || '–' },
    ], report.calendar, { caption: 'Next contracts' })));
  }

  if (report.strikes?.length) {
    const g = (r, name) => r.greeks?.[name]?.value ?? 0;
    parts.push(section('Strikes and Greeks per lot (Black-76)', table([
      { label: 'Contract', cell: r => r.contract, header: true },
      { label: 'Expiry', cell: r => r.expiry },
      { label: 'Right', cell: r => rightName(r.right) },
      { label: 'Strike', unit: `${c}/t`, numeric: true, cell: r => number(r.strike, 2), value: r => r.strike },
      { label: 'Forward', unit: `${c}/t`, numeric: true, cell: r => number(r.forward, 2), value: r => r.forward },
      { label: 'Vol', numeric: true, cell: r => percent(r.volatility), value: r => r.volatility },
      { label: 'Premium', unit: perLot, numeric: true, cell: r => money(r.price, c), value: r => r.price },
      { label: 'Delta', unit: `${c} per ${c}/t`, numeric: true, cell: r => number(g(r, 'delta'), 2), value: r => g(r, 'delta') },
      { label: 'Gamma', unit: `per (${c}/t)²`, numeric: true, cell: r => number(g(r, 'gamma'), 4), value: r => g(r, 'gamma') },
      { label: 'Vega', unit: `${c} per vol pt`, numeric: true, cell: r => money(g(r, 'vega') / 100, c), value: r => g(r, 'vega') / 100 },
      { label: 'Theta', unit: `${c} per day`, numeric: true, cell: r => money(g(r, 'theta') / 365, c), value: r => g(r, 'theta') / 365 },
    ], report.strikes, { caption: 'Listed strikes', className: 'data strikes' })));
    parts.at(-1).querySelector('table').id = 'strikes-table';
  }

  let curveChart;
  if (report.curve?.prices?.length) {
    curveChart = chartCard('curve-chart', `Value and Greeks of ${report.curve.instrument}`,
      'Value, delta, gamma and vega of one lot against the underlying futures price.', 'value-and-greeks.png');
    parts.push(curveChart.node);
  }

  if (report.ladder?.rows?.length) {
    const pnl = report.ladder.rows.flatMap(r => r.pnl);
    const scale = Math.max(...pnl.map(Math.abs)) || 1;
    parts.push(section(`Scenario ladder: P&L of ${report.instrument}`, table([
      { label: 'Price \\ vol', cell: r => shock(r.shock), header: true },
      ...report.volShocks.map((v, j) => ({
        label: volPoints(v), numeric: true, value: r => r.pnl[j],
        cell: r => el('span', { class: 'heat', style: `--heat:${(r.pnl[j] / scale).toFixed(3)}` }, money(r.pnl[j], c)),
      })),
    ], report.ladder.rows.map((r, i) => ({ shock: report.priceShocks[i], pnl: r.pnl })), { caption: `${perLot}: price shocks × vol shocks` })));
    parts.at(-1).querySelector('table').id = 'ladder-table';
  }

  if (report.stress?.length) {
    parts.push(section('Stress scenarios', table([
      { label: 'Scenario', cell: r => el('span', { title: r.scenario.description }, r.scenario.name), header: true },
      { label: 'Price move', numeric: true, cell: r => Object.entries(r.scenario.priceShocks ?? {}).map(([u, s]) => `${u} ${shock(s, 1)}`).join(', ') || '–' },
      { label: 'Vol', numeric: true, cell: r => (r.scenario.volShock ? volPoints(r.scenario.volShock) : '–') },
      { label: 'Days', numeric: true, cell: r => String(r.scenario.days ?? '') },
      { label: 'P&L', unit: perLot, numeric: true, cell: r => money(r.pnl, c), value: r => r.pnl },
    ], report.stress, { caption: 'Historical and custom stresses' })));
    parts.at(-1).querySelector('table').id = 'stress-table';
  }

  let marginChart;
  if (report.margin) {
    const m = report.margin;
    const coverage = m.coverage;
    parts.push(section(`Margin adequacy (${m.model}, ${percent(m.volatility)} vol, ${m.horizonDays}-day horizon, ${number(m.paths, 0)} paths, seed ${m.seed})`,
      table([
        { label: 'Confidence', cell: r => percent(r.confidence, 1), header: true },
        { label: 'Long', unit: perLot, numeric: true, cell: r => money(r.longSide, c), value: r => r.longSide },
        { label: 'Long, closed form', unit: perLot, numeric: true, cell: r => money(r.longSideClosedForm, c), value: r => r.longSideClosedForm },
        { label: 'Short', unit: perLot, numeric: true, cell: r => money(r.shortSide, c), value: r => r.shortSide },
        { label: 'Short, closed form', unit: perLot, numeric: true, cell: r => money(r.shortSideClosedForm, c), value: r => r.shortSideClosedForm },
        { label: 'Either side', unit: perLot, numeric: true, cell: r => money(r.eitherSide, c), value: r => r.eitherSide },
        { label: 'Either side, with limits', unit: perLot, numeric: true, cell: r => (r.eitherSideWithLimits === undefined ? '–' : money(r.eitherSideWithLimits, c)) },
      ], m.marginNeeded ?? [], { caption: 'Initial margin needed per lot' }),
      coverage
        ? el('p', { id: 'margin-coverage' }, `Coverage of the spec's initial margin of ${money(coverage.initialMarginPerLot, c)} per lot: `,
          `long ${percent(coverage.longSide.value, 3)} ± ${percent(coverage.longSide.standardError, 3)} (closed form ${percent(coverage.longSideClosedForm, 3)}), `,
          `short ${percent(coverage.shortSide.value, 3)} ± ${percent(coverage.shortSide.standardError, 3)} (closed form ${percent(coverage.shortSideClosedForm, 3)}), `,
          `either side ${percent(coverage.eitherSide.value, 3)}.`)
        : el('p', { class: 'muted' }, 'The spec states no initial margin: the table gives the margin a lot would need.'),
      m.priceLimit
        ? el('p', {}, `Daily price limit ±${percent(m.priceLimit.fraction, 0)}: a day's loss is capped at ${money(m.priceLimit.maxLossPerLot, c)} per lot; `,
          `P(limit hit) ${percent(m.priceLimit.probabilityLimitHit.value, 2)} ± ${percent(m.priceLimit.probabilityLimitHit.standardError, 2)} `,
          `(closed form ${percent(m.priceLimit.probabilityLimitHitClosedForm, 3)}).`)
        : null));
    parts.at(-1).querySelector('table').id = 'margin-table';
    marginChart = chartCard('margin-chart', 'P&L of a long lot against the margin',
      `Histogram of simulated ${m.horizonDays}-day P&L per lot with the initial margin and the margin needed at 99 % and 99.7 %.`, 'pnl-vs-margin.png');
    parts.push(marginChart.node);
  }

  if (report.marginComparison?.length) {
    const probability = p => (p ? `${percent(p.value, 3)} ± ${percent(p.standardError, 3)}` : '–');
    const history = v => (v === undefined ? '–' : percent(v, 2));
    parts.push(section('Margin and limit settings side by side',
      el('p', { class: 'muted' }, 'Every row reads the same simulated paths (and history): rows differ by their terms alone.'),
      table([
        { label: 'Settings', cell: r => (r.fromSpec ? 'the spec' : `alternative ${report.marginComparison.indexOf(r)}`), header: true },
        { label: 'Initial margin', unit: perLot, numeric: true, cell: r => (r.terms.initialMarginPerLot === undefined ? '–' : money(r.terms.initialMarginPerLot, c)) },
        { label: 'Daily limit', numeric: true, cell: r => (r.terms.limitFraction === undefined ? '–' : `±${percent(r.terms.limitFraction, 1)}`) },
        { label: 'Covers either side', numeric: true, cell: r => probability(r.coverage?.eitherSide) },
        { label: 'Closed form', numeric: true, cell: r => (r.coverage ? percent(r.coverage.eitherSideClosedForm, 3) : '–') },
        { label: 'With the limit', numeric: true, cell: r => probability(r.coverage?.eitherSideWithLimits) },
        { label: 'P(limit hit)', numeric: true, cell: r => probability(r.priceLimit?.probabilityLimitHit) },
        { label: 'Max loss a day', unit: perLot, numeric: true, cell: r => (r.priceLimit ? money(r.priceLimit.maxLossPerLot, c) : '–') },
        { label: 'History covers', numeric: true, cell: r => history(r.historical?.coverageEitherSide) },
        { label: 'History, with the limit', numeric: true, cell: r => history(r.historical?.coverageEitherSideWithLimits) },
      ], report.marginComparison, { caption: 'Coverage of one day\'s loss per lot, either side' })));
    parts.at(-1).querySelector('table').id = 'margin-comparison-table';
  }

  const hedged = report.hedgedMargins;
  if (hedged?.books?.length) {
    const p = hedged.parameters;
    parts.push(section('Portfolio margin with typical hedges',
      el('p', { class: 'muted' }, `SPAN-style: price scan ±${percent(p.priceScanRange, 2)} (${hedged.parameterSource}), vol scan ±${number((p.volScanRange ?? 0) * 100, 1)} points, `,
        `the 16 classic scenarios; the same parameters for every book.`),
      table([
        { label: 'Book', cell: r => r.book, header: true },
        { label: 'Positions', cell: r => r.positions },
        { label: 'Margin', unit: perLot, numeric: true, cell: r => money(r.margin ?? 0, c), value: r => r.margin ?? 0 },
        { label: 'Legs held alone', unit: perLot, numeric: true, cell: r => money(r.legsAlone ?? 0, c), value: r => r.legsAlone ?? 0 },
        { label: 'Offset', numeric: true, cell: r => (r.legsAlone ? percent(1 - (r.margin ?? 0) / r.legsAlone, 1) : '–') },
        { label: 'Driving scenario', cell: r => r.detail?.drivingScenario?.description ?? '–' },
      ], hedged.books, { caption: 'Margin of one lot with its hedges' })));
    parts.at(-1).querySelector('table').id = 'hedged-margin-table';
  }

  if (report.historicalMargin) {
    const h = report.historicalMargin;
    const cov = v => (v === undefined ? '–' : percent(v, 2));
    parts.push(section(`Back-test on history (${number(h.windows, 0)} windows)`,
      el('p', { id: 'history-coverage' }, `Initial margin covers: long ${cov(h.coverageLong)}, short ${cov(h.coverageShort)}, either side ${cov(h.coverageEitherSide)}`,
        h.coverageEitherSideWithLimits === undefined ? '' : `, either side with the daily limit ${cov(h.coverageEitherSideWithLimits)}`,
        `. Worst loss: long ${money(h.worstLossLong, c)}, short ${money(h.worstLossShort, c)} per lot.`),
      table([
        { label: 'Confidence', cell: r => percent(r.confidence, 1), header: true },
        { label: 'Long', unit: perLot, numeric: true, cell: r => money(r.longSide, c), value: r => r.longSide },
        { label: 'Short', unit: perLot, numeric: true, cell: r => money(r.shortSide, c), value: r => r.shortSide },
        { label: 'Either side', unit: perLot, numeric: true, cell: r => money(r.eitherSide, c), value: r => r.eitherSide },
      ], h.marginNeeded ?? [], { caption: 'Empirical margin needed per lot' })));
    parts.at(-1).querySelector('table').id = 'history-table';
  }

  show(target, parts);

  if (curveChart) {
    const curve = report.curve;
    linePanels(curveChart.canvas, curveChart.readout, {
      x: { values: curve.prices, label: `underlying futures price (${c}/t)`, format: v => `${money(v, c)}/t` },
      marker: { x: report.underlyingPrice, label: `today ${number(report.underlyingPrice, 2)}` },
      panels: [
        { label: `value (${perLot})`, values: curve.value, format: v => money(v, c) },
        { label: 'delta', values: curve.delta, format: v => number(v, 2) },
        { label: 'gamma', values: curve.gamma, format: v => number(v, 4) },
        { label: `vega (${c} per vol pt)`, values: curve.vega.map(v => v / 100), format: v => money(v, c) },
      ],
    });
  }
  if (marginChart) {
    const m = report.margin;
    const need = m.marginNeeded ?? [];
    const lines = [];
    if (m.coverage) {
      lines.push({ x: -m.coverage.initialMarginPerLot, label: `initial margin ${money(m.coverage.initialMarginPerLot, c)} (long loss)`, color: '#111827' });
      lines.push({ x: m.coverage.initialMarginPerLot, label: 'initial margin (short loss)', color: '#111827', dash: [2, 3] });
    }
    const colors = ['#c2410c', '#7c3aed'];
    need.forEach((n, k) => {
      lines.push({ x: -n.longSide, label: `needed at ${percent(n.confidence, 1)}: long ${money(n.longSide, c)}`, color: colors[k % 2] });
      lines.push({ x: n.shortSide, label: `short ${money(n.shortSide, c)}`, color: colors[k % 2], dash: [6, 3] });
    });
    histogram(marginChart.canvas, marginChart.readout, {
      edges: m.histogram.binEdges, counts: m.histogram.counts.map(Number), label: `P&L of a long lot (${c})`, format: v => money(v, c, 0), lines,
    });
  }
}
