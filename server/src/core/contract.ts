// A claim as the CLI contract spells it (docs/cli-contract.md): the one shape that extract,
// the figure export and the fact-check report all print. Field order matters to people
// reading diffs of the output.
import type { Claim, Entity } from './types';
import type { LineIndex } from './position';

export interface ContractClaim {
  text: string;
  start: number;
  end: number;
  line: number;
  character: number;
  kind: Claim['kind'];
  value: number | null;
  upper: number | null;
  unit: string;
  qualifier: Claim['qualifier'];
  date: string | null;
  subject: string;
}

export function contractClaim(c: Claim, lines: LineIndex): ContractClaim {
  const { line, character } = lines.positionAt(c.start);
  return {
    text: c.text,
    start: c.start,
    end: c.end,
    line,
    character,
    kind: c.kind,
    value: c.value,
    upper: c.upper,
    unit: c.unit,
    qualifier: c.qualifier,
    date: c.date,
    subject: c.subject,
  };
}

export function contractEntity(e: Entity) {
  return { text: e.text, start: e.start, end: e.end, type: e.type };
}
