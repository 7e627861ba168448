// Number formatting with units and currency. One locale (en-GB grouping: 1,234.56) so figures read the same everywhere.
const locale = 'en-GB';
const cache = new Map();

function formatter(key, options) {
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale, options));
  return cache.get(key);
}

/** "EUR 5,746.05": an amount in a currency, by its ISO code. */
export function money(value, currency, digits = 2) {
  if (!Number.isFinite(value)) return '–';
  return formatter(`m${currency}${digits}`, {
    style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(value);
}

/** "1,234.57": a plain number with a fixed count of decimals. */
export function number(value, digits = 2) {
  if (!Number.isFinite(value)) return '–';
  return formatter(`n${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** "48.0 %" from 0.48. */
export function percent(fraction, digits = 1) {
  if (!Number.isFinite(fraction)) return '–';
  return `${number(fraction * 100, digits)} %`;
}

/** "+10 %" / "−50 %": a relative shock. */
export function shock(fraction, digits = 0) {
  if (!Number.isFinite(fraction)) return '–';
  const text = number(Math.abs(fraction) * 100, digits);
  return `${fraction > 0 ? '+' : fraction < 0 ? '−' : ''}${text} %`;
}

/** "+10 pt": an absolute vol shock in vol points. */
export function volPoints(shift) {
  const points = Math.round(shift * 1000) / 10;
  return `${points > 0 ? '+' : points < 0 ? '−' : ''}${Math.abs(points)} pt`;
}

/** "1,000 t CO2e". */
export function quantity(value, unit) {
  return `${number(value, Number.isInteger(value) ? 0 : 2)} ${unit}`.trim();
}

/** A price per unit, e.g. "EUR 70.76/t". */
export function unitPrice(value, currency, unit = 't') {
  return `${money(value, currency)}/${unit}`;
}

/** Reads a number back from formatted text ("EUR −1,234.50" → -1234.5), for tests and copy-paste. */
export function parseFormatted(text) {
  const cleaned = text.replace(/[^\d.,\-−+]/g, '').replace(/,/g, '').replace('−', '-');
  return Number(cleaned);
}
