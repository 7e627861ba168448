// A price history read from a CSV file (date,price per line, oldest first; a header line is skipped) and turned
// into the daily log returns of TestSpec's historical margin back-test (settings.historicalLogReturns).

/** Prices of the last numeric column of each line, in file order. */
export function parsePrices(csv) {
  const prices = [];
  for (const line of csv.split(/\r?\n/)) {
    const cells = line.split(/[,;\t]/).map(c => c.trim());
    const price = Number(cells[cells.length - 1]);
    if (cells.length && cells[cells.length - 1] !== '' && Number.isFinite(price)) prices.push(price);
  }
  return prices;
}

/** ln(p[k] / p[k-1]); refuses a non-positive price (no log return exists for it). */
export function logReturns(prices) {
  const bad = prices.findIndex(p => !(p > 0));
  if (bad >= 0) throw new Error(`price ${bad + 1} is ${prices[bad]}: prices must be positive`);
  return prices.slice(1).map((p, k) => Math.log(p / prices[k]));
}
