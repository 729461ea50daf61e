import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.ts';
import { registerAtlasCommands } from './atlas.ts';

async function run(...args: string[]): Promise<string> {
  let output = '';
  const program = new Command('knotwork').exitOverride();
  registerAtlasCommands(program, { write: (text: string) => (output += text) });
  await program.parseAsync(['node', 'knotwork', ...args]);
  return output;
}

describe('knotwork regions / muscles / muscle', () => {
  it('lists regions as one JSON document', async () => {
    const { regions } = JSON.parse(await run('regions', '--json'));
    expect(regions.length).toBeGreaterThanOrEqual(120);
    expect(regions).toContainEqual(expect.objectContaining({ id: 'temple-left', side: 'left', view: 'front' }));
  });

  it('lists regions and muscles as readable tables', async () => {
    expect(await run('regions')).toMatch(/^ID\s+NAME\s+SIDE\s+VIEW/);
    expect(await run('muscles')).toMatch(/upper-trapezius\s+Upper trapezius/);
  });

  it('lists at least 70 muscles in JSON', async () => {
    const { muscles } = JSON.parse(await run('muscles', '--json'));
    expect(muscles.length).toBeGreaterThanOrEqual(70);
  });

  it('shows one muscle by alias, in JSON and as text', async () => {
    const { muscle } = JSON.parse(await run('muscle', 'scm', '--json'));
    expect(muscle.id).toBe('sternocleidomastoid');
    expect(muscle.citationTexts[0].text).toMatch(/Trigger Point Manual/);
    const text = await run('muscle', 'upper', 'trapezius');
    expect(text).toContain('upper-trapezius-anterior');
    expect(text).toContain('temple (primary)');
  });

  it('names the closest muscles for an unknown one', async () => {
    await expect(run('muscle', 'piriformus')).rejects.toThrow(CliError);
    await expect(run('muscle', 'piriformus')).rejects.toThrow(
      /unknown muscle "piriformus" — did you mean: .*piriformis/,
    );
  });
});

describe('knotwork refer', () => {
  it('ranks muscles for named regions with a side and intensities', async () => {
    const doc = JSON.parse(await run('refer', 'temple:7', 'back and side of neck', '--side', 'left', '--json'));
    expect(doc.painMap).toEqual([
      { region: 'temple-left', intensity: 7 },
      { region: 'posterolateral-neck-left', intensity: 5 },
    ]);
    expect(doc.suggestions[0]).toMatchObject({ muscle: 'upper-trapezius', side: 'left', score: 1 });
    expect(doc.suggestions[0].reasons[0]).toEqual({
      region: 'temple-left',
      weight: 'primary',
      triggerPoint: 'upper-trapezius-anterior',
    });
  });

  it('reads a place named without a side as one side, not known which: each muscle once', async () => {
    const doc = JSON.parse(await run('refer', 'tennis elbow', '--json'));
    expect(doc.painMap.map((p: { region: string }) => p.region).sort()).toEqual([
      'lateral-epicondyle-left',
      'lateral-epicondyle-right',
    ]);
    const muscles = doc.suggestions.map((s: { muscle: string }) => s.muscle);
    expect(muscles.length).toBeGreaterThan(1);
    expect(new Set(muscles).size).toBe(muscles.length);
    expect(new Set(doc.suggestions.map((s: { side: string }) => s.side))).toEqual(new Set(['unknown']));
    expect(doc.suggestions[0].therapistText).not.toMatch(/left|right/);
  });

  it('accepts free text in English or Spanish, quoted or not, with the side in the words', async () => {
    const english = JSON.parse(await run('refer', 'the front part of my left thigh', '--json'));
    expect(english.painMap).toEqual([{ region: 'anterior-thigh-left', intensity: 5 }]);
    expect(english.suggestions.every((s: { side: string }) => s.side === 'left' || s.side === 'midline')).toBe(true);
    const unquoted = JSON.parse(await run('refer', 'thigh', 'front', 'left', '--json'));
    expect(unquoted.painMap).toEqual(english.painMap);
    const spanish = JSON.parse(await run('refer', 'parte de atrás de la rodilla derecha:6', 'sien', '--json'));
    expect(spanish.painMap).toEqual([
      { region: 'back-of-knee-right', intensity: 6 },
      { region: 'temple-left', intensity: 5 },
      { region: 'temple-right', intensity: 5 },
    ]);
    const typo = JSON.parse(await run('refer', 'tempel', '--side', 'left', '--json'));
    expect(typo.painMap).toEqual([{ region: 'temple-left', intensity: 5 }]);
  });

  it('keeps a side written in the region id even with --side', async () => {
    const doc = JSON.parse(await run('refer', 'heel-right', '--side', 'left', '--json'));
    expect(doc.painMap).toEqual([{ region: 'heel-right', intensity: 5 }]);
  });

  it('prints a readable table that says it is not a diagnosis', async () => {
    const text = await run('refer', 'heel', '--side', 'left', '--limit', '3');
    expect(text).toMatch(/1\s+Abductor hallucis\s+left\s+1\.00/);
    expect(text).toContain('not a diagnosis');
  });

  it('gives the patient wording in Spanish with --lang es, the same muscles in the same order', async () => {
    const english = JSON.parse(await run('refer', 'talón', '--side', 'left', '--limit', '3', '--json'));
    const spanish = JSON.parse(await run('refer', 'talón', '--side', 'left', '--limit', '3', '--lang', 'es', '--json'));
    expect(spanish.suggestions.map((s: { muscle: string }) => s.muscle)).toEqual(
      english.suggestions.map((s: { muscle: string }) => s.muscle),
    );
    expect(spanish.suggestions[0].name).toBe('Abductor del dedo gordo');
    expect(spanish.suggestions[0].patientText).toMatch(/^Los puntos tensos en .* del lado izquierdo .* su talón\./);
    const text = await run('refer', 'heel', '--side', 'left', '--limit', '3', '--lang', 'es');
    expect(text).toMatch(/1\s+Abductor del dedo gordo\s+left/);
    expect(text).toContain('no es un diagnóstico');
    await expect(run('refer', 'heel', '--lang', 'fr')).rejects.toThrow(/--lang must be en or es/);
  });

  it('says no place matches, with close places, when nothing fits', async () => {
    await expect(run('refer', 'xyzzy')).rejects.toThrow(CliError);
    await expect(run('refer', 'elbw crease thing', 'zzzz:4')).rejects.toThrow(
      /no place matches "zzzz" — did you mean: /,
    );
  });

  it('rejects a bad side, intensity or limit', async () => {
    await expect(run('refer', 'temple', '--side', 'up')).rejects.toThrow(/--side must be/);
    await expect(run('refer', 'temple:11')).rejects.toThrow(/from 0 to 10/);
    await expect(run('refer', 'temple', '--limit', '0')).rejects.toThrow(/--limit/);
  });
});
