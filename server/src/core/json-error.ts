// Where a JSON text first goes wrong, as a UTF-16 offset. V8's JSON.parse names the position
// for some errors only ("Unexpected token 'm', "module.exp"... is not valid JSON" has none),
// and a person fixing `.zh-figures.json` needs the line and column every time.

/** Offset of the first syntax error in `text`, or -1 when it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  // Iterative with an explicit stack: a file of 100,000 "[" must not overflow the call stack.
  const stack: Array<'[' | '{'> = [];

  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    if (text[i] === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };

  ws();
  for (;;) {
    // A value is expected here.
    ws();
    if (text[i] === '[') {
      stack.push('[');
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        stack.pop();
      } else continue;
    } else if (text[i] === '{') {
      stack.push('{');
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        stack.pop();
      } else {
        if (!string()) return i;
        ws();
        if (text[i] !== ':') return i;
        i++;
        continue;
      }
    } else if (!scalar()) return i;
    // After a value: a separator, a closing bracket, or the end.
    for (;;) {
      ws();
      if (stack.length === 0) return i < n ? i : -1;
      const top = stack[stack.length - 1];
      if (text[i] === ',') {
        i++;
        ws();
        if (top === '{') {
          if (!string()) return i;
          ws();
          if (text[i] !== ':') return i;
          i++;
        }
        break;
      }
      if ((top === '[' && text[i] === ']') || (top === '{' && text[i] === '}')) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
}
