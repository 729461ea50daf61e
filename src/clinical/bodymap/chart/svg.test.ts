import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BODY_CHARTS, renderChartSvg } from './chart.ts';
import { escapeXml } from './svg.ts';
import { REGIONS, regionById } from '../regions.ts';

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

/**
 * A deliberately small XML reader: balanced tags, quoted attributes, no raw '<' or stray '&' in
 * text or attribute values, exactly one root element. Throws on anything it does not accept.
 */
function parseXml(doc: string): Element {
  const body = doc.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: Element = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: Element[] = [root];
  const entity = /&(?!(amp|lt|gt|quot|apos);)/;
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('<', i);
    const text = body.slice(i, open === -1 ? body.length : open);
    if (entity.test(text) || text.includes('>')) throw new Error(`bad text near ${i}`);
    stack[stack.length - 1]!.text += text;
    if (open === -1) break;
    const close = body.indexOf('>', open);
    if (close === -1) throw new Error('unterminated tag');
    const tag = body.slice(open + 1, close);
    if (tag.includes('<')) throw new Error(`'<' inside tag at ${open}`);
    if (tag.startsWith('/')) {
      const top = stack.pop();
      if (!top || top.name !== tag.slice(1).trim()) throw new Error(`mismatched </${tag.slice(1)}>`);
    } else {
      const selfClosing = tag.endsWith('/');
      const inner = selfClosing ? tag.slice(0, -1) : tag;
      const name = inner.match(/^[A-Za-z][\w:-]*/)?.[0];
      if (!name) throw new Error(`bad tag name at ${open}`);
      const rest = inner.slice(name.length);
      const attrs: Record<string, string> = {};
      const attrRe = /\s+([A-Za-z_:][\w:.-]*)="([^"]*)"/y;
      let pos = 0;
      while (pos < rest.trimEnd().length) {
        attrRe.lastIndex = pos;
        const m = attrRe.exec(rest);
        if (!m) throw new Error(`bad attribute in <${name}> near "${rest.slice(pos, pos + 20)}"`);
        if (m[1]! in attrs) throw new Error(`duplicate attribute ${m[1]}`);
        if (entity.test(m[2]!)) throw new Error(`bad entity in ${m[1]}`);
        attrs[m[1]!] = m[2]!;
        pos = attrRe.lastIndex;
      }
      const el: Element = { name, attrs, children: [], text: '' };
      stack[stack.length - 1]!.children.push(el);
      if (!selfClosing) stack.push(el);
    }
    i = close + 1;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('expected exactly one root element');
  return root.children[0]!;
}

function descendants(el: Element): Element[] {
  return el.children.flatMap((c) => [c, ...descendants(c)]);
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

describe('the XML checker used below', () => {
  it.each(['<svg><g></svg>', '<svg a=1></svg>', '<svg>a & b</svg>', '<svg></svg><svg></svg>', '<svg><title>x</svg>'])(
    'rejects %j',
    (doc) => expect(() => parseXml(doc)).toThrow(),
  );
});

describe.each(['front', 'back'] as const)('renderChartSvg(%s)', (view) => {
  const svg = parseXml(renderChartSvg(view));
  const regionPaths = descendants(svg).filter((e) => e.name === 'path' && 'data-region' in e.attrs);

  it('is a standalone, well-formed SVG document with a viewBox and a leading <title>', () => {
    expect(svg.name).toBe('svg');
    expect(svg.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.attrs.viewBox).toBe(BODY_CHARTS[view].viewBox);
    const first = svg.children[0]!;
    expect(first.name).toBe('title');
    expect(first.text).toBe(`Body chart, ${view} view`);
    expect(svg.attrs.role).toBe('img');
    expect(svg.attrs['aria-labelledby']).toBe(first.attrs.id);
  });

  it('has one path per region of the view, with id, data-region and the region name as <title>', () => {
    const expected = REGIONS.filter((r) => r.view === view);
    expect(regionPaths).toHaveLength(expected.length);
    for (const region of expected) {
      const matches = regionPaths.filter((e) => e.attrs['data-region'] === region.id);
      expect(matches, region.id).toHaveLength(1);
      const path = matches[0]!;
      expect(path.attrs.id).toBe(`region-${region.id}`);
      expect(path.children.map((c) => c.name)).toEqual(['title']);
      expect(unescape(path.children[0]!.text)).toBe(region.name);
      expect(path.attrs.d).toBe(BODY_CHARTS[view].paths.find((p) => p.region === region.id)!.d);
    }
    const ids = descendants(svg)
      .map((e) => e.attrs.id)
      .filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('labels the sides by the chart convention', () => {
    const captions = descendants(svg).filter((e) => e.name === 'text');
    const atLeftEdge = captions.find((e) => e.attrs.x === '12')!;
    expect(atLeftEdge.text).toBe(view === 'front' ? "Patient's right" : "Patient's left");
  });
});

describe('renderChartSvg options', () => {
  it('fills the given regions and leaves the others in the default colour', () => {
    const svg = parseXml(renderChartSvg('front', { fill: { 'temple-right': '#d7263d', 'calf-left': 'orange' } }));
    const paths = descendants(svg).filter((e) => 'data-region' in e.attrs);
    const fillOf = (id: string) => paths.find((e) => e.attrs['data-region'] === id)!.attrs.fill;
    expect(fillOf('temple-right')).toBe('#d7263d');
    expect(fillOf('temple-left')).toBe(fillOf('forehead-left'));
    // calf is a back-view region: ignored in the front view, not an error.
    expect(paths.some((e) => e.attrs['data-region'] === 'calf-left')).toBe(false);
  });

  it('rejects unknown region ids and values that are not plain colours', () => {
    expect(() => renderChartSvg('front', { fill: { 'templ-right': 'red' } })).toThrow(/unknown region/);
    expect(() => renderChartSvg('front', { fill: { 'temple-right': 'red" onload="alert(1)' } })).toThrow(/colour/);
    expect(() => renderChartSvg('back', { fill: { 'calf-left': 'url(#x)' } })).toThrow(/colour/);
  });

  it('escapes the title', () => {
    const title = 'Pain map: <Jane> & "Joe" \'s';
    const svg = parseXml(renderChartSvg('back', { title }));
    expect(unescape(svg.children[0]!.text)).toBe(title);
    expect(escapeXml(title)).not.toMatch(/[<>"']/);
  });

  it('stays well-formed and applies exactly the requested fills for any pain map (property)', () => {
    const ids = REGIONS.map((r) => r.id);
    const colour = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
      .map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ids), colour, { maxKeys: 30 }),
        fc.constantFrom('front' as const, 'back' as const),
        (fill, view) => {
          const svg = parseXml(renderChartSvg(view, { fill }));
          for (const el of descendants(svg).filter((e) => 'data-region' in e.attrs)) {
            const id = el.attrs['data-region']!;
            expect(regionById(id)?.view).toBe(view);
            if (fill[id]) expect(el.attrs.fill).toBe(fill[id]);
            else expect(el.attrs.fill).toBe('#f6f3ee');
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
