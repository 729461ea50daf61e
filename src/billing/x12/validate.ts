/**
 * A structural check of an X12 interchange: the envelope nests (ISA › GS › ST … SE › GE › IEA),
 * every trailer's count and control number match its header, and the fixed-width ISA declares
 * distinct separators. It does not check a transaction's business content.
 * Control structure: ASC X12 5010 — ISA/IEA (IEA01 number of functional groups, IEA02 = ISA13),
 * GS/GE (GE01 number of transaction sets, GE02 = GS06), ST/SE (SE01 number of segments from ST to
 * SE inclusive, SE02 = ST02); see e.g. stedi.com/edi/x12-005010/segment/IEA and the Oracle "ASC X12
 * Protocol Manager" notes on control numbers.
 */

export interface X12Problem {
  /** 1-based position of the segment at fault (0: the interchange as a whole). */
  segment: number;
  message: string;
}

export interface X12Check {
  ok: boolean;
  problems: X12Problem[];
  separators?: { element: string; component: string; repetition: string; segment: string };
  /** Segments, functional groups and transaction sets found. */
  counts: { segments: number; groups: number; sets: number };
}

/** ISA01–ISA16 widths: the ISA is fixed-width so a reader can find the separators by position. */
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];
/** "ISA", 16 elements and 16 element separators, then the segment terminator at index 105. */
const ISA_LENGTH = 106;

interface OpenGroup {
  at: number;
  control: string;
  version: string;
  sets: number;
  setControls: Set<string>;
}
interface OpenSet {
  at: number;
  control: string;
  segments: number;
}

export function checkX12(text: string): X12Check {
  const problems: X12Problem[] = [];
  const counts = { segments: 0, groups: 0, sets: 0 };
  const fail = (segment: number, message: string) => problems.push({ segment, message });
  if (!text.startsWith('ISA') || text.length < ISA_LENGTH) {
    fail(0, 'An interchange starts with a 106-character ISA segment.');
    return { ok: false, problems, counts };
  }
  const separators = { element: text[3]!, component: text[104]!, repetition: text[82]!, segment: text[105]! };
  const isa = text.slice(0, ISA_LENGTH - 1).split(separators.element);
  if (isa.length !== 17) fail(1, `The ISA has ${isa.length - 1} elements where 16 are fixed.`);
  isa.slice(1).forEach((value, i) => {
    if (value.length !== ISA_WIDTHS[i]) {
      fail(1, `ISA${String(i + 1).padStart(2, '0')} is ${value.length} characters wide; it must be ${ISA_WIDTHS[i]}.`);
    }
  });
  if (new Set(Object.values(separators)).size !== 4 || /[A-Za-z0-9 ]/.test(Object.values(separators).join(''))) {
    fail(
      1,
      'The element, component, repetition and segment separators must be four different non-alphanumeric characters.',
    );
  }
  if (isa[11] !== separators.repetition) fail(1, 'ISA11 must be the repetition separator.');
  if (isa[16] !== separators.component) fail(1, 'ISA16 must be the component separator.');

  const segments = text
    .split(separators.segment)
    .map((s) => s.replace(/^[\r\n]+/, ''))
    .filter((s, i, all) => !(i === all.length - 1 && s.trim() === ''));
  counts.segments = segments.length;

  let group: OpenGroup | null = null;
  let set: OpenSet | null = null;
  let ended = false;
  const isaControl = isa[13] ?? '';
  segments.forEach((seg, index) => {
    const at = index + 1;
    const e = seg.split(separators.element);
    const tag = e[0] ?? '';
    if (ended) return fail(at, `${tag} comes after the IEA that ends the interchange.`);
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(tag)) fail(at, `"${tag.slice(0, 10)}" is not a segment id.`);
    if (set) set.segments += 1;
    switch (tag) {
      case 'ISA':
        if (index !== 0) fail(at, 'A second ISA inside the interchange.');
        return;
      case 'GS':
        if (group) fail(at, `GS opens a group while the group at segment ${group.at} is still open.`);
        if (set) fail(at, 'GS inside a transaction set.');
        counts.groups += 1;
        group = { at, control: e[6] ?? '', version: e[8] ?? '', sets: 0, setControls: new Set() };
        if (!/^\d{1,9}$/.test(group.control)) fail(at, 'GS06, the group control number, is 1 to 9 digits.');
        return;
      case 'ST':
        if (!group) fail(at, 'ST outside a functional group.');
        if (set) fail(at, `ST opens a set while the set at segment ${set.at} is still open.`);
        counts.sets += 1;
        set = { at, control: e[2] ?? '', segments: 1 };
        if (!/^[A-Z0-9]{4,9}$/.test(set.control)) fail(at, 'ST02, the set control number, is 4 to 9 characters.');
        if (group) {
          group.sets += 1;
          if (group.setControls.has(set.control)) fail(at, `ST02 ${set.control} is used twice in the group.`);
          group.setControls.add(set.control);
          if (e[3] && e[3] !== group.version)
            fail(at, `ST03 ${e[3]} differs from the group's version ${group.version}.`);
        }
        return;
      case 'SE':
        if (!set) return fail(at, 'SE without an open ST.');
        if (e[1] !== String(set.segments))
          fail(at, `SE01 says ${e[1] ?? 'nothing'} segments; the set has ${set.segments}.`);
        if (e[2] !== set.control) fail(at, `SE02 ${e[2] ?? ''} does not match ST02 ${set.control}.`);
        set = null;
        return;
      case 'GE':
        if (set) fail(at, `GE while the set at segment ${set.at} is still open.`);
        if (!group) return fail(at, 'GE without an open GS.');
        if (e[1] !== String(group.sets))
          fail(at, `GE01 says ${e[1] ?? 'nothing'} transaction sets; the group has ${group.sets}.`);
        if (e[2] !== group.control) fail(at, `GE02 ${e[2] ?? ''} does not match GS06 ${group.control}.`);
        group = null;
        return;
      case 'IEA':
        if (group) fail(at, `IEA while the group at segment ${group.at} is still open.`);
        if (e[1] !== String(counts.groups))
          fail(at, `IEA01 says ${e[1] ?? 'nothing'} groups; the interchange has ${counts.groups}.`);
        if (e[2] !== isaControl) fail(at, `IEA02 ${e[2] ?? ''} does not match ISA13 ${isaControl}.`);
        ended = true;
        return;
      default:
        if (!set) fail(at, `${tag} is outside any transaction set.`);
    }
  });
  if (!ended) fail(0, 'The interchange does not end with an IEA.');
  if (counts.groups === 0) fail(0, 'The interchange holds no functional group.');
  return { ok: problems.length === 0, problems, separators, counts };
}
