// The spec library: every library and saved spec, filtered as you type; opening one loads it into the editor.
import { api } from './api.js';
import { el, show } from './dom.js';
import { number } from './format.js';

export function createLibrary({ list, filter, kind, count }, { onOpen }) {
  let specs = [];
  let current = '';

  const matches = spec => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const haystack = `${spec.code} ${spec.name} ${spec.exchange} ${spec.marketCode} ${spec.kind} ${spec.currency}`.toLowerCase();
    return (!kind.value || spec.kind === kind.value) && words.every(w => haystack.includes(w));
  };

  const render = () => {
    const shown = specs.filter(matches);
    count.textContent = `${shown.length} of ${specs.length} specs`;
    show(list, shown.map(spec => el('li', {},
      el('button', {
        type: 'button', class: 'spec-item', dataset: { code: spec.code }, 'aria-current': spec.code === current ? 'true' : undefined,
        onclick: () => onOpen(spec.code),
      },
      el('span', { class: 'code' }, spec.code),
      el('span', { class: 'name' }, spec.name),
      el('span', { class: 'meta' }, `${spec.exchange} · ${spec.kind} · ${spec.marketCode} · ${spec.currency} · lot ${number(spec.lotSize, 0)}`,
        spec.origin === 'SPEC_ORIGIN_SAVED' ? el('span', { class: 'badge' }, 'saved') : null)))));
  };

  filter.addEventListener('input', render);
  kind.addEventListener('change', render);

  return {
    async load() {
      const reply = await api.listSpecs();
      specs = reply.specs ?? [];
      render();
      return reply;
    },
    select(code) {
      current = code;
      render();
    },
    summary: code => specs.find(s => s.code === code),
  };
}
