import * as assert from 'assert';
import { LineIndex } from '../../server/src/core/position';

describe('LineIndex', () => {
  it('maps offsets to LSP positions across LF, CRLF and CR', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const idx = new LineIndex(text);
    assert.strictEqual(idx.lineCount, 4);
    assert.deepStrictEqual(idx.positionAt(text.indexOf('c')), { line: 1, character: 0 });
    assert.deepStrictEqual(idx.positionAt(text.indexOf('f')), { line: 2, character: 1 });
    assert.deepStrictEqual(idx.positionAt(text.indexOf('h')), { line: 3, character: 1 });
  });

  it('round-trips every offset', () => {
    const text = '超64万项\r\n涉案金额达38.87亿\n😀近50万条';
    const idx = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = idx.positionAt(o);
      const back = idx.offsetAt(p);
      // Offsets inside a CRLF pair map to the end of the line.
      if (text[o - 1] !== '\r') assert.strictEqual(back, o, `offset ${o}`);
    }
  });

  it('clamps out-of-range positions', () => {
    const idx = new LineIndex('abc');
    assert.strictEqual(idx.offsetAt({ line: 5, character: 0 }), 3);
    assert.strictEqual(idx.offsetAt({ line: 0, character: 99 }), 3);
    assert.deepStrictEqual(idx.positionAt(99), { line: 0, character: 3 });
  });
});
