// Lookups over one analysis, built once per document version and shared by every feature:
// claims and entities sorted by offset (hover is a binary search), and the entity each
// figure is said of (for the tree grouped by entity and for entity hovers).
import type { Claim, DocumentAnalysis, Entity } from '../core/types';

const SENTENCE_END = /[。！？!?；;\n\r]|　　/;
/** How far back a figure looks for the entity it belongs to, in characters. */
const ENTITY_REACH = 200;

function byStart<T extends { start: number; end: number }>(a: T, b: T): number {
  return a.start - b.start || a.end - b.end;
}

function isSorted<T extends { start: number }>(xs: T[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1].start > xs[i].start) return false;
  return true;
}

/** Index of the last item with start <= offset, or -1. */
function lastStartingAtOrBefore<T extends { start: number }>(xs: T[], offset: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function findCovering<T extends { start: number; end: number }>(xs: T[], offset: number): T | undefined {
  const i = lastStartingAtOrBefore(xs, offset);
  // Spans do not nest in practice, but look back a few in case one long span covers a short one.
  for (let j = i; j >= 0 && j > i - 4; j--) {
    if (xs[j].start <= offset && offset < xs[j].end) return xs[j];
  }
  return undefined;
}

export class FigureIndex {
  readonly claims: Claim[];
  readonly entities: Entity[];
  private entityOf?: string[];
  private perEntity?: Map<string, number>;

  constructor(private readonly analysis: DocumentAnalysis) {
    this.claims = isSorted(analysis.claims) ? analysis.claims : [...analysis.claims].sort(byStart);
    this.entities = isSorted(analysis.entities) ? analysis.entities : [...analysis.entities].sort(byStart);
  }

  /** The claim under an offset (start <= offset < end); at the very end of a claim, that claim. */
  claimAt(offset: number): Claim | undefined {
    return findCovering(this.claims, offset) ?? findCovering(this.claims, offset - 1);
  }

  entityAt(offset: number): Entity | undefined {
    return findCovering(this.entities, offset) ?? findCovering(this.entities, offset - 1);
  }

  /** Claims overlapping [start, end). */
  claimsIn(start: number, end: number): Claim[] {
    let i = Math.max(0, lastStartingAtOrBefore(this.claims, start));
    while (i > 0 && this.claims[i - 1].end > start) i--;
    const out: Claim[] = [];
    for (; i < this.claims.length && this.claims[i].start < end; i++) {
      if (this.claims[i].end > start || (this.claims[i].start === start && start === end)) out.push(this.claims[i]);
    }
    return out;
  }

  /** The entity the i-th claim is said of: the nearest entity before it in its sentence. */
  entityForClaim(i: number): string {
    if (!this.entityOf) this.entityOf = this.assignEntities();
    return this.entityOf[i] ?? '';
  }

  /** How many figures are said of an entity (by its text). */
  figuresOfEntity(text: string): number {
    if (!this.perEntity) {
      this.perEntity = new Map();
      for (let i = 0; i < this.claims.length; i++) {
        const e = this.entityForClaim(i);
        if (e) this.perEntity.set(e, (this.perEntity.get(e) ?? 0) + 1);
      }
    }
    return this.perEntity.get(text) ?? 0;
  }

  private assignEntities(): string[] {
    const text = this.analysis.text;
    const out: string[] = new Array(this.claims.length).fill('');
    let e = -1;
    for (let i = 0; i < this.claims.length; i++) {
      const c = this.claims[i];
      while (e + 1 < this.entities.length && this.entities[e + 1].end <= c.start) e++;
      for (let j = e; j >= 0; j--) {
        const ent = this.entities[j];
        if (c.start - ent.end > ENTITY_REACH) break;
        if (ent.type === 'work') continue; // a title is not what figures are said of
        if (!SENTENCE_END.test(text.slice(ent.end, c.start))) out[i] = ent.text;
        break;
      }
    }
    return out;
  }
}
