// The spec JSON editor: a plain textarea over a layer that marks each validation error at its field (wavy
// underline, the message at the end of the line, a marker in the line-number gutter), validated as you type.
import { api } from './api.js';
import { debounce, el, show } from './dom.js';
import { fieldPositions, lineColumn, locate, offsetOf } from './json-positions.js';

const escape = text => text.replace(/[&<>]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

export function createEditor({ textarea, marks, gutter, list, status }, { onChange } = {}) {
  let errors = [];
  let sequence = 0;
  let controller;

  /** Errors placed in the text: { path, message, start, end, line, column, exact }. */
  const place = (text, reported) => {
    const positions = fieldPositions(text);
    return reported.map(e => {
      let start, end, exact = true;
      if (e.line > 0) {
        start = offsetOf(text, e.line, e.column);
        end = Math.min(text.length, start + 1);
      } else {
        const found = locate(positions, e.path);
        start = found.keyStart;
        end = found.end;
        exact = found.exact;
      }
      const lineEnd = text.indexOf('\n', start);
      end = Math.max(start + 1, Math.min(end, lineEnd < 0 ? text.length : lineEnd)); // mark on one line
      return { path: e.path, message: e.message, source: e, start, end, exact, ...lineColumn(text, start) };
    });
  };

  const render = () => {
    const text = textarea.value;
    const lines = text.split('\n');
    const byLine = new Map();
    for (const e of errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
    let offset = 0;
    const html = lines.map((line, index) => {
      const lineErrors = byLine.get(index + 1) ?? [];
      let out = '', cursor = 0;
      const ranges = lineErrors.map(e => [Math.max(0, e.start - offset), Math.min(line.length, e.end - offset), e])
        .sort((a, b) => a[0] - b[0]);
      for (const [from, to, e] of ranges) {
        if (from < cursor) continue;
        out += escape(line.slice(cursor, from));
        out += `<mark class="err" data-path="${escape(e.path)}">${escape(line.slice(from, Math.max(to, from + 1)) || ' ')}</mark>`;
        cursor = Math.max(to, from + 1);
      }
      out += escape(line.slice(cursor));
      if (lineErrors.length) {
        const message = lineErrors.map(e => `${e.exact ? '' : `${e.path || 'spec'}: `}${e.message}`).join('; ');
        out += `<span class="inline-error" data-line="${index + 1}">  ← ${escape(message)}</span>`;
      }
      offset += line.length + 1;
      return out;
    }).join('\n');
    marks.innerHTML = `${html}\n `;
    gutter.innerHTML = lines.map((_, index) => byLine.has(index + 1)
      ? `<span class="has-error" title="${escape(byLine.get(index + 1).map(e => e.message).join('; '))}">${index + 1}</span>`
      : `${index + 1}`).join('\n') + '\n ';
    textarea.setAttribute('aria-invalid', errors.length ? 'true' : 'false');
    syncScroll();
  };

  const renderList = () => {
    show(list, errors.map(e => el('li', {},
      el('button', {
        type: 'button', class: 'error-link', dataset: { path: e.path, line: e.line },
        onclick: () => select(e),
      }, el('span', { class: 'where' }, `line ${e.line}`), ' ', el('code', {}, e.path || '(document)'), ' ', e.message))));
  };

  const select = e => {
    textarea.focus();
    textarea.setSelectionRange(e.start, e.end);
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
    textarea.scrollTop = Math.max(0, (e.line - 3) * lineHeight);
    syncScroll();
  };

  const syncScroll = () => {
    marks.scrollTop = textarea.scrollTop;
    marks.scrollLeft = textarea.scrollLeft;
    gutter.scrollTop = textarea.scrollTop;
  };

  /** Shows errors as the server reports them ({ path, message, line, column }). */
  const showErrors = reported => {
    errors = place(textarea.value, reported);
    render();
    renderList();
  };

  const validate = async () => {
    const mine = ++sequence;
    controller?.abort();
    controller = new AbortController();
    const text = textarea.value;
    status.textContent = 'Validating…';
    status.dataset.state = 'busy';
    try {
      const reply = await api.validateSpec(text, { signal: controller.signal });
      if (mine !== sequence) return;
      showErrors(reply.errors ?? []);
      status.textContent = reply.valid ? `Valid spec ${reply.code}` : `${reply.errors.length} error${reply.errors.length === 1 ? '' : 's'}`;
      status.dataset.state = reply.valid ? 'ok' : 'error';
    } catch (e) {
      if (e.name === 'AbortError' || mine !== sequence) return;
      status.textContent = `Validation failed: ${e.message}`;
      status.dataset.state = 'error';
    }
  };

  const validateSoon = debounce(validate, 250);
  textarea.addEventListener('input', () => {
    // Until the server answers, marks stay where they were relative to the text: re-place them now.
    errors = place(textarea.value, errors.map(e => e.source));
    render();
    onChange?.(textarea.value);
    validateSoon();
  });
  textarea.addEventListener('scroll', syncScroll);

  return {
    get text() { return textarea.value; },
    setText(text) {
      textarea.value = text;
      textarea.setSelectionRange(0, 0);
      textarea.scrollTop = 0;
      errors = [];
      render();
      renderList();
      validate();
    },
    /** Field violations of a SaveSpec reply ("spec_json.lotSize") shown as errors. */
    showViolations(violations) {
      showErrors(violations.map(v => ({ path: v.field.replace(/^spec_json\.?/, ''), message: v.description, line: 0, column: 0 })));
      status.textContent = `${violations.length} error${violations.length === 1 ? '' : 's'}`;
      status.dataset.state = 'error';
    },
    validate,
  };
}
