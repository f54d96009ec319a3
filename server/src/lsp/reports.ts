// Every report the server knows, open or not: open documents win over the index (their text
// is newer than the disk's). Used by the checks, workspace symbols, the tree and exports.
import type { AnalyzedDocument } from './analyzed';
import type { DocumentStore } from './documents';
import { canonicalUri, uriToPath } from './uris';
import { isReportFile, type WorkspaceIndex } from './workspace-index';

export interface Report {
  /** The URI to show and publish under (the client's spelling for open documents). */
  uri: string;
  name: string;
  open: boolean;
  doc: AnalyzedDocument;
}

export class Reports {
  constructor(
    private readonly store: DocumentStore,
    private readonly index: WorkspaceIndex
  ) {}

  /** Canonical URIs of the open documents, to hide their stale index entries. */
  private openKeys(): Map<string, string> {
    const m = new Map<string, string>();
    for (const d of this.store.all()) m.set(canonicalUri(d.uri), d.uri);
    return m;
  }

  /** Open documents (analysed now if needed) then indexed files that are not open. */
  async all(): Promise<Report[]> {
    const out: Report[] = [];
    const open = this.openKeys();
    for (const d of this.store.all()) {
      const doc = await this.store.get(d.uri);
      if (doc) out.push({ uri: d.uri, name: this.index.get(d.uri)?.name ?? nameOf(d.uri), open: true, doc });
    }
    for (const e of this.index.all()) {
      if (!open.has(e.uri)) out.push({ uri: e.uri, name: e.name, open: false, doc: e.doc });
    }
    return out;
  }

  /** One report by URI: open document, index entry, or read from disk now. */
  async get(uri: string): Promise<Report | undefined> {
    const open = await this.store.get(uri);
    if (open) return { uri, name: this.index.get(uri)?.name ?? nameOf(uri), open: true, doc: open };
    let entry = this.index.get(uri);
    const file = uriToPath(uri);
    if (!entry && file && isReportFile(file)) entry = await this.index.readFile(file);
    return entry ? { uri: entry.uri, name: entry.name, open: false, doc: entry.doc } : undefined;
  }

  /** The analysed document behind a URI, only if already available (no I/O, no analysis). */
  peek(uri: string): AnalyzedDocument | undefined {
    return this.store.peek(uri) ?? this.index.get(uri)?.doc;
  }
}

function nameOf(uri: string): string {
  const p = uriToPath(uri) ?? uri;
  return p.split(/[\\/]/).pop() ?? p;
}
