// Charts drawn on a canvas by the page itself: value and Greeks against the underlying price (stacked panels on
// one price axis) and the P&L histogram against the margin. A crosshair follows the pointer or the arrow keys
// (the canvas is focusable) and its values are read out beside the chart; "PNG" saves what is drawn.

const palette = { ink: '#1d2733', grid: '#e3e7ec', axis: '#6b7785', line: '#0b6bcb', fill: '#8fb8e6', accent: '#c2410c', marker: '#7c3aed' };
const font = '12px system-ui, sans-serif';

/** Round tick values covering [min, max]. */
function ticks(min, max, count = 5) {
  if (!(max > min)) return [min];
  const step0 = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map(f => f * power).find(s => s >= step0);
  const first = Math.ceil(min / step) * step;
  const out = [];
  for (let v = first; v <= max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumSignificantDigits: 3 });

/** Binds a chart to a canvas: sizing for the device pixel ratio, redraw on resize, pointer and keyboard crosshair. */
function bind(canvas, readout, chart) {
  const state = { cursor: null, byPointer: false };
  const draw = () => {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (!width || !height) return;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.font = font;
    chart.draw(ctx, width, height, state.cursor);
    readout.textContent = state.cursor === null ? chart.hint : chart.describe(state.cursor);
  };
  const move = (index, byPointer) => {
    state.cursor = Math.max(0, Math.min(chart.points - 1, index));
    state.byPointer = byPointer;
    draw();
  };
  canvas.tabIndex = 0;
  canvas.onpointermove = e => {
    const box = canvas.getBoundingClientRect();
    const index = chart.indexAt(e.clientX - box.left, box.width);
    if (index !== null) move(index, true);
  };
  canvas.onpointerleave = () => {
    if (!state.byPointer) return; // a crosshair placed by keyboard stays
    state.cursor = null;
    draw();
  };
  canvas.onkeydown = e => {
    const step = e.shiftKey ? 5 : 1;
    const at = state.cursor ?? Math.floor(chart.points / 2);
    const keys = { ArrowRight: at + step, ArrowLeft: at - step, Home: 0, End: chart.points - 1 };
    if (e.key in keys) {
      e.preventDefault();
      move(state.cursor === null && e.key.startsWith('Arrow') ? at : keys[e.key], false);
    } else if (e.key === 'Escape') {
      state.cursor = null;
      draw();
    }
  };
  canvas._chartResize?.disconnect();
  canvas._chartResize = new ResizeObserver(draw);
  canvas._chartResize.observe(canvas);
  draw();
  return { redraw: draw };
}

/** Plot geometry: the drawing area inside margins for axis labels. */
const frame = (width, top, height) => ({ left: 64, right: width - 16, top, bottom: top + height });

function yAxis(ctx, box, min, max, label) {
  const y = v => box.bottom - (v - min) / (max - min) * (box.bottom - box.top);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of ticks(min, max, 4)) {
    ctx.strokeStyle = palette.grid;
    ctx.beginPath(); ctx.moveTo(box.left, y(t)); ctx.lineTo(box.right, y(t)); ctx.stroke();
    ctx.fillStyle = palette.axis;
    ctx.fillText(compact.format(t), box.left - 6, y(t));
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillStyle = palette.ink;
  ctx.fillText(label, box.left + 4, box.top + 2);
  return y;
}

function xAxis(ctx, box, min, max, label, format = v => compact.format(v)) {
  const x = v => box.left + (v - min) / (max - min) * (box.right - box.left);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = palette.axis;
  for (const t of ticks(min, max, 6)) ctx.fillText(format(t), x(t), box.bottom + 4);
  ctx.fillStyle = palette.ink;
  ctx.fillText(label, (box.left + box.right) / 2, box.bottom + 20);
  return x;
}

const extent = values => {
  let min = Math.min(...values), max = Math.max(...values);
  if (min === max) { min -= Math.abs(min) * 0.1 || 1; max += Math.abs(max) * 0.1 || 1; }
  const pad = (max - min) * 0.06;
  return [min - pad, max + pad];
};

/**
 * Stacked line panels sharing one x axis: { x: { values, label, format }, panels: [{ label, values, format }],
 * marker: { x, label } }.
 */
export function linePanels(canvas, readout, spec) {
  const xs = spec.x.values;
  const [xMin, xMax] = [xs[0], xs[xs.length - 1]];
  const chart = {
    points: xs.length,
    hint: 'Move the pointer over the chart, or focus it and use the arrow keys, to read the values.',
    indexAt(px, width) {
      const box = frame(width, 0, 1);
      const f = (px - box.left) / (box.right - box.left);
      return f < -0.02 || f > 1.02 ? null : Math.round(Math.max(0, Math.min(1, f)) * (xs.length - 1));
    },
    describe: i => [`${spec.x.label} ${spec.x.format(xs[i])}`, ...spec.panels.map(p => `${p.label} ${p.format(p.values[i])}`)].join(' · '),
    draw(ctx, width, height, cursor) {
      const gap = 14, bottomSpace = 40, panelHeight = (height - bottomSpace - gap * (spec.panels.length - 1) - 8) / spec.panels.length;
      let x;
      spec.panels.forEach((panel, k) => {
        const box = frame(width, 8 + k * (panelHeight + gap), panelHeight);
        const [min, max] = extent(panel.values);
        const y = yAxis(ctx, box, min, max, panel.label);
        x = v => box.left + (v - xMin) / (xMax - xMin) * (box.right - box.left);
        if (spec.marker) {
          ctx.strokeStyle = palette.marker;
          ctx.setLineDash([4, 3]);
          ctx.beginPath(); ctx.moveTo(x(spec.marker.x), box.top); ctx.lineTo(x(spec.marker.x), box.bottom); ctx.stroke();
          ctx.setLineDash([]);
        }
        ctx.strokeStyle = palette.line;
        ctx.lineWidth = 2;
        ctx.beginPath();
        panel.values.forEach((v, i) => (i ? ctx.lineTo(x(xs[i]), y(v)) : ctx.moveTo(x(xs[i]), y(v))));
        ctx.stroke();
        ctx.lineWidth = 1;
        if (cursor !== null) {
          ctx.fillStyle = palette.accent;
          ctx.beginPath(); ctx.arc(x(xs[cursor]), y(panel.values[cursor]), 3.5, 0, 2 * Math.PI); ctx.fill();
        }
        if (k === spec.panels.length - 1) xAxis(ctx, box, xMin, xMax, spec.x.label);
      });
      if (cursor !== null) {
        ctx.strokeStyle = palette.accent;
        ctx.beginPath(); ctx.moveTo(x(xs[cursor]), 8); ctx.lineTo(x(xs[cursor]), height - bottomSpace); ctx.stroke();
      }
      if (spec.marker) {
        ctx.fillStyle = palette.marker;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'bottom';
        ctx.fillText(spec.marker.label, x(spec.marker.x) + 4, height - bottomSpace - 2);
      }
    },
  };
  return bind(canvas, readout, chart);
}

/**
 * A histogram with vertical reference lines: { edges, counts, label, format, lines: [{ x, label, color, dash }] }.
 */
export function histogram(canvas, readout, spec) {
  const { edges, counts } = spec;
  const total = counts.reduce((a, b) => a + b, 0);
  const xMin = Math.min(edges[0], ...spec.lines.map(l => l.x)), xMax = Math.max(edges[edges.length - 1], ...spec.lines.map(l => l.x));
  const chart = {
    points: counts.length,
    hint: 'Move the pointer over the bars, or focus the chart and use the arrow keys, to read each bin.',
    indexAt(px, width) {
      const box = frame(width, 0, 1);
      const v = xMin + (px - box.left) / (box.right - box.left) * (xMax - xMin);
      const i = edges.findIndex((e, k) => k < counts.length && v >= e && v <= edges[k + 1]);
      return i < 0 ? null : i;
    },
    describe: i => `${spec.format(edges[i])} to ${spec.format(edges[i + 1])}: ${counts[i].toLocaleString('en-GB')} paths (${(100 * counts[i] / total).toFixed(2)} %)`,
    draw(ctx, width, height, cursor) {
      const legendHeight = 18 * Math.ceil(spec.lines.length / 2);
      const box = frame(width, 8 + legendHeight, height - 48 - legendHeight);
      const y = yAxis(ctx, box, 0, Math.max(...counts) * 1.08, 'paths');
      const x = xAxis(ctx, box, xMin, xMax, spec.label);
      counts.forEach((c, i) => {
        ctx.fillStyle = i === cursor ? palette.accent : edges[i + 1] <= 0 ? '#e9a6a6' : palette.fill;
        const left = x(edges[i]), right = x(edges[i + 1]);
        ctx.fillRect(left + 0.5, y(c), Math.max(1, right - left - 1), box.bottom - y(c));
      });
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      spec.lines.forEach((line, k) => {
        ctx.strokeStyle = line.color;
        ctx.lineWidth = 2;
        ctx.setLineDash(line.dash ?? []);
        ctx.beginPath(); ctx.moveTo(x(line.x), box.top); ctx.lineTo(x(line.x), box.bottom); ctx.stroke();
        const lx = box.left + (k % 2) * (box.right - box.left) / 2, ly = 8 + 9 + 18 * Math.floor(k / 2);
        ctx.beginPath(); ctx.moveTo(lx, ly); ctx.lineTo(lx + 22, ly); ctx.stroke();
        ctx.setLineDash([]);
        ctx.lineWidth = 1;
        ctx.fillStyle = palette.ink;
        ctx.fillText(line.label, lx + 28, ly);
      });
    },
  };
  return bind(canvas, readout, chart);
}

/** Saves a canvas as a PNG file. */
export function downloadPng(canvas, filename) {
  canvas.toBlob(blob => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }, 'image/png');
}
