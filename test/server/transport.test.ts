// The stdio transport encodes diagnostics from their remembered JSON: the bytes must be those
// of the stock encoder (JSON.stringify of the whole message), for every message.
import * as assert from 'assert';
import { encodeMessage } from '../../server/src/lsp/transport';

describe('stdio transport encoding', () => {
  const diagnostic = (line: number) => ({
    range: { start: { line, character: 2 }, end: { line, character: 7 } },
    severity: 2,
    code: 'conflicting-values',
    source: 'zh-figures',
    message: '违规店铺 is 788家 here but 749家 elsewhere; "both" cannot be true [sic]',
    relatedInformation: [{ location: { uri: 'file:///a%5B%5D.txt', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } } }, message: '违规店铺: 749家' }],
  });

  it('writes a publishDiagnostics message exactly as JSON.stringify does', () => {
    const shared = diagnostic(1);
    for (const params of [
      { uri: 'file:///r[1].txt', version: 3, diagnostics: [shared, diagnostic(2), shared] },
      { uri: 'file:///r.txt', diagnostics: [] },
      { uri: 'file:///r.txt', version: 0, diagnostics: [diagnostic(0)] },
    ]) {
      const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
      assert.strictEqual(encodeMessage(msg).toString('utf8'), JSON.stringify(msg));
      assert.strictEqual(encodeMessage(msg).toString('utf8'), JSON.stringify(msg), 'the second time, from the remembered JSON');
    }
  });

  it('writes every other message as JSON.stringify does', () => {
    for (const msg of [
      { jsonrpc: '2.0', id: 1, result: { contents: { kind: 'markdown', value: '**超64万项**' } } },
      { jsonrpc: '2.0', method: 'zhFigures/status', params: { uri: 'file:///r.txt', figures: 3 } },
      { jsonrpc: '2.0', id: 2, method: 'workspace/configuration', params: { items: [] } },
    ]) {
      assert.strictEqual(encodeMessage(msg).toString('utf8'), JSON.stringify(msg));
    }
  });
});
