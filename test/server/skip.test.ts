// Whether a document has enough Chinese to be a report: stopping early (once no remaining
// character could change the answer) must answer as the scan of the whole sample does.
import * as assert from 'assert';
import { hasEnoughChinese } from '../../server/src/lsp/skip';

function reference(text: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < Math.min(text.length, 65536); i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return cjk >= 4 && cjk * 10 >= latin;
}

describe('hasEnoughChinese', () => {
  it('answers as a scan of the whole 64K sample, on texts of every mix and length', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 400; n++) {
      const length = Math.floor(rnd() ** 2 * 90000);
      const chinese = rnd() * 0.2; // share of ideographs: around the 1-in-11 threshold
      let text = '';
      while (text.length < length) {
        const r = rnd();
        text += r < chinese ? '报' : r < chinese + 0.6 ? 'abcdefghij'[Math.floor(rnd() * 10)] : ' 1,.\n'[Math.floor(rnd() * 5)];
      }
      // Latin letters late in the sample, after many ideographs: where stopping early could err.
      if (rnd() < 0.3) text = '报'.repeat(Math.floor(rnd() * 8000)) + 'x'.repeat(Math.floor(rnd() * 70000));
      assert.strictEqual(hasEnoughChinese(text), reference(text), `text ${n} of ${text.length} characters`);
    }
  });
});
