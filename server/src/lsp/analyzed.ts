// One analysed text (an open document version or a report read from disk), with the lookups
// every feature shares. Built once per version; features never re-analyse.
import type { Range } from 'vscode-languageserver/node';
import { LineIndex } from '../core/position';
import type { DocumentAnalysis } from '../core/types';
import type { SkipReason } from '../protocol';
import { FigureIndex } from './figure-index';

const EMPTY: Omit<DocumentAnalysis, 'text'> = {
  claims: [],
  entities: [],
  paragraphs: [],
  baseDate: null,
  baseDateSource: 'none',
};

export class AnalyzedDocument {
  private lineIndex?: LineIndex;
  private figureIndex?: FigureIndex;
  readonly analysis: DocumentAnalysis;

  constructor(
    readonly uri: string,
    /** Document version, or null for a file read from disk. */
    readonly version: number | null,
    readonly text: string,
    analysis: DocumentAnalysis | null,
    readonly skipped: SkipReason | null
  ) {
    this.analysis = analysis ?? { text, ...EMPTY };
  }

  /** How many figures and entities, without placing every figure at document offsets. */
  get counts(): { figures: number; entities: number } {
    const a = this.analysis as Partial<{ claimCount: number; entityCount: number }> & DocumentAnalysis;
    return { figures: a.claimCount ?? a.claims.length, entities: a.entityCount ?? a.entities.length };
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get figures(): FigureIndex {
    return (this.figureIndex ??= new FigureIndex(this.analysis));
  }

  range(start: number, end: number): Range {
    return { start: this.lines.positionAt(start), end: this.lines.positionAt(end) };
  }

  offsetAt(position: { line: number; character: number }): number {
    return this.lines.offsetAt(position);
  }
}
