// Small DOM helpers: build elements and tables without a framework.

/** Creates an element: el('td', { class: 'num', dataset: { value: 1 } }, 'text', child). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces the children of `node`. */
export function show(node, ...children) {
  node.replaceChildren(...children.flat().filter(c => c !== undefined && c !== null && c !== false));
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/**
 * A table from column definitions { label, unit?, cell(row) -> string | Node, numeric?, value?(row) -> number }.
 * Numeric cells carry their unrounded value in data-value so a reader can check the rounding.
 */
export function table(columns, rows, { caption, className = 'data' } = {}) {
  const head = el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.numeric ? 'num' : undefined },
    c.label, c.unit ? el('span', { class: 'unit' }, c.unit) : null)));
  const body = rows.map(row => el('tr', {}, columns.map((c, i) => {
    const content = c.cell(row);
    const attributes = { class: c.numeric ? 'num' : undefined, dataset: c.value ? { value: c.value(row) } : undefined };
    return i === 0 && c.header ? el('th', { scope: 'row', ...attributes }, content) : el('td', attributes, content);
  })));
  return el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': caption ?? 'table' },
    el('table', { class: className }, caption ? el('caption', {}, caption) : null, el('thead', {}, head), el('tbody', {}, body)));
}

/** Debounces `action` by `ms`. */
export function debounce(action, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), ms);
  };
}
