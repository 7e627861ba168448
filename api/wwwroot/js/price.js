// The quick option-price form: one European futures option against the chosen snapshot (POST /v1/price).
import { api, ApiError } from './api.js';
import { el, show, table } from './dom.js';
import { money, number } from './format.js';

/** Form inputs by the request field they fill, so a field violation is shown next to its input. */
const fieldInputs = {
  'instrument.futures_option.underlying': 'price-underlying',
  'instrument.futures_option.strike': 'price-strike',
  'instrument.futures_option.expiry': 'price-expiry',
  'instrument.futures_option.futures_delivery': 'price-delivery',
  'instrument.futures_option.lot_size': 'price-lot',
  'instrument.futures_option.currency': 'price-currency',
  'monte_carlo.paths': 'price-paths',
  'monte_carlo.steps': 'price-steps',
  'monte_carlo.seed': 'price-seed',
  'quantity': 'price-quantity',
};

export function createPriceForm(form, result, { snapshot }) {
  const input = id => form.querySelector(`#${id}`);
  let market = { futures: [] };

  const fillDeliveries = () => {
    const curve = market.futures.find(f => f.underlying === input('price-underlying').value);
    const select = input('price-delivery');
    const before = select.value;
    show(select, (curve?.quotes ?? []).map(q => el('option', { value: q.delivery }, `${q.delivery} (${number(q.price, 2)})`)));
    if ([...select.options].some(o => o.value === before)) select.value = before;
  };

  const clearErrors = () => form.querySelectorAll('.field-error').forEach(n => n.remove());

  const markField = (field, message) => {
    const target = input(fieldInputs[field] ?? '') ?? form.querySelector('button[type=submit]');
    target.closest('label, .field')?.append(el('span', { class: 'field-error', role: 'alert', dataset: { field } }, message));
    target.setAttribute('aria-invalid', 'true');
  };

  const request = () => {
    const mc = input('price-method').value === 'mc';
    return {
      requestId: `page-${Date.now()}`,
      instrument: {
        futuresOption: {
          underlying: input('price-underlying').value,
          right: form.querySelector('input[name=price-right]:checked').value,
          strike: Number(input('price-strike').value),
          expiry: input('price-expiry').value,
          futuresDelivery: input('price-delivery').value,
          lotSize: Number(input('price-lot').value),
          currency: input('price-currency').value.trim().toUpperCase(),
        },
      },
      market: { snapshotId: snapshot() },
      method: mc ? 'PRICING_METHOD_MONTE_CARLO' : 'PRICING_METHOD_ANALYTIC',
      monteCarlo: mc ? { paths: Number(input('price-paths').value), steps: Number(input('price-steps').value), seed: Number(input('price-seed').value), antithetic: true } : undefined,
      quantity: Number(input('price-quantity').value),
      greeks: input('price-greeks').checked,
    };
  };

  const render = (reply, sent) => {
    const c = reply.currency;
    const units = sent.instrument.futuresOption.lotSize * (sent.quantity || 1);
    const greeks = reply.greeks ? Object.entries(reply.greeks).map(([name, g]) => ({ name, ...g })) : [];
    const scaled = { vega: [100, `${c} per vol pt`], theta: [365, `${c} per day`], delta: [1, `${c} per ${c}/t`], gamma: [1, `per (${c}/t)²`], rho: [100, `${c} per 1 % rate`] };
    show(result,
      el('p', { class: 'price-headline', id: 'price-value' }, el('strong', {}, money(reply.value, c)),
        reply.standardError ? ` ± ${money(reply.standardError, c)}` : '',
        ` (${money(reply.value / units, c, 4)}/t) · ${reply.method}`, reply.paths ? ` · ${number(reply.paths, 0)} paths` : '',
        el('span', { class: 'muted' }, ` · server ${number(reply.timing?.totalMs ?? 0, 1)} ms`)),
      greeks.length ? table([
        { label: 'Greek', cell: r => r.name, header: true },
        { label: 'Value', numeric: true, cell: r => number((r.value ?? 0) / (scaled[r.name]?.[0] ?? 1), 4), value: r => (r.value ?? 0) / (scaled[r.name]?.[0] ?? 1) },
        { label: 'Unit', cell: r => scaled[r.name]?.[1] ?? '' },
        { label: 'Std. error', numeric: true, cell: r => number((r.standardError ?? 0) / (scaled[r.name]?.[0] ?? 1), 4) },
        { label: 'Method', cell: r => r.method },
      ], greeks, { caption: 'Greeks of the whole quantity' }) : null);
  };

  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors();
    form.querySelectorAll('[aria-invalid]').forEach(n => n.removeAttribute('aria-invalid'));
    const sent = request();
    show(result, el('p', { class: 'muted' }, 'Pricing…'));
    try {
      render(await api.price(sent), sent);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      error.fieldViolations.forEach(v => markField(v.field, v.description));
      show(result, el('p', { class: 'error', role: 'alert' }, `${error.codeName}: ${error.message}`));
    }
  });
  input('price-underlying').addEventListener('change', fillDeliveries);
  input('price-method').addEventListener('change', () => {
    form.querySelector('#price-mc').hidden = input('price-method').value !== 'mc';
  });

  return {
    /** Fills the underlyings and deliveries of the snapshot. */
    setMarket(data) {
      market = { futures: data.futures ?? [] };
      const select = input('price-underlying');
      const before = select.value || 'EUA';
      show(select, market.futures.map(f => el('option', { value: f.underlying }, f.underlying)));
      if ([...select.options].some(o => o.value === before)) select.value = before;
      fillDeliveries();
    },
  };
}
