// Where each field of a JSON text sits, so an error reported for a path ("tick.size", "listing.series[0].months")
// can be shown at that field. Tolerant: comments are skipped and a malformed text yields the fields read so far.

/** Map of path -> { start, end, keyStart } (character offsets of the value, and of its key when it has one). */
export function fieldPositions(text) {
  const positions = new Map();
  let i = 0;

  const skip = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i])) i++;
      if (text.startsWith('//', i)) {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (text.startsWith('/*', i)) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? text.length : close + 2;
      } else return;
    }
  };

  const string = () => {
    let value = '';
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        value += text[i + 1] ?? '';
        i += 2;
      } else value += text[i++];
    }
    i++; // closing quote
    return value;
  };

  const value = (path, keyStart) => {
    skip();
    const start = i;
    if (text[i] === '{') {
      i++;
      for (;;) {
        skip();
        if (text[i] === '}') { i++; break; }
        if (text[i] !== '"') throw new Error('key expected');
        const memberStart = i;
        const key = string();
        skip();
        if (text[i] !== ':') throw new Error('colon expected');
        i++;
        value(path ? `${path}.${key}` : key, memberStart);
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === '}') { i++; break; }
        else throw new Error('comma expected');
      }
    } else if (text[i] === '[') {
      i++;
      for (let index = 0; ; index++) {
        skip();
        if (text[i] === ']') { i++; break; }
        value(`${path}[${index}]`, undefined);
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === ']') { i++; break; }
        else throw new Error('comma expected');
      }
    } else if (text[i] === '"') {
      string();
    } else {
      const token = /^[^\s,\]}/]+/.exec(text.slice(i, i + 64));
      if (!token) throw new Error('value expected');
      i += token[0].length;
    }
    positions.set(path, { start, end: i, keyStart: keyStart ?? start });
  };

  try {
    value('', undefined);
  } catch {
    // Malformed: keep the fields read before the fault.
  }
  return positions;
}

/**
 * Where to show an error for `path`: the field itself, else its nearest existing parent (a missing field is
 * reported on the object that should hold it), else the start of the document.
 */
export function locate(positions, path) {
  for (let p = path; ; ) {
    const found = positions.get(p);
    if (found) return { ...found, exact: p === path };
    if (!p) return { start: 0, end: 0, keyStart: 0, exact: false };
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut < 0 ? '' : p.slice(0, cut);
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text, offset) {
  let line = 1, lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') { line++; lineStart = k + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of a 1-based line and column. */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line && offset < text.length; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
