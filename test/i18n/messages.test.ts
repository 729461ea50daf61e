import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.json';
import es from '../../web/src/i18n/es.json';

/**
 * The two message files must say the same things: the same keys, and in each message the same ICU
 * placeholders (names and kinds, and the same select/plural options), so no page shows a raw key or a
 * "{name}" the other language forgot.
 */
const FILES: Record<string, Record<string, string>> = { en, es };

/** "name:kind" for every placeholder in a message, nested ones included, with select/plural options. */
function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        out.add(`${el.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        out.add(`${el.value}:${TYPE[el.type]}`);
        break;
      case TYPE.select:
      case TYPE.plural:
        out.add(`${el.value}:${TYPE[el.type]}[${Object.keys(el.options).sort().join(',')}]`);
        for (const option of Object.values(el.options)) placeholders(option.value, out);
        break;
      case TYPE.tag:
        out.add(`<${el.value}>`);
        placeholders(el.children, out);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Messages that read the same in both languages on purpose (a format with no words in it, or a word both share). */
const SAME_IN_BOTH = new Set([
  'form.error',
  'book.time.slot',
  'book.time.slotAt',
  'intake.answer.no',
  'intake.q.diabetes',
  'details.no',
  'details.insurance.type.medicare',
]);

describe('the message files', () => {
  it('have the same keys in English and Spanish', () => {
    const missingInSpanish = Object.keys(en).filter((key) => !(key in es));
    const missingInEnglish = Object.keys(es).filter((key) => !(key in en));
    expect({ missingInSpanish, missingInEnglish }).toEqual({ missingInSpanish: [], missingInEnglish: [] });
  });

  it('give every message the same ICU placeholders in both languages', () => {
    const differ: string[] = [];
    for (const [key, english] of Object.entries(en)) {
      const spanish = (es as Record<string, string>)[key];
      if (spanish === undefined) continue;
      const a = [...placeholders(parse(english))].sort();
      const b = [...placeholders(parse(spanish))].sort();
      if (a.join('|') !== b.join('|')) differ.push(`${key}: en {${a.join(', ')}} es {${b.join(', ')}}`);
    }
    expect(differ).toEqual([]);
  });

  it('are valid ICU, never empty, and the Spanish is written rather than copied from the English', () => {
    for (const [language, messages] of Object.entries(FILES)) {
      for (const [key, message] of Object.entries(messages)) {
        expect(message.trim(), `${language} ${key}`).not.toBe('');
        expect(() => parse(message), `${language} ${key}`).not.toThrow();
      }
    }
    const copied = Object.keys(en).filter(
      (key) => !SAME_IN_BOTH.has(key) && (en as Record<string, string>)[key] === (es as Record<string, string>)[key],
    );
    expect(copied).toEqual([]);
  });

  it('catches a key missing from one language and a placeholder renamed in the other', () => {
    // The checks above, on two made-up files that are wrong in each of the ways they look for.
    const english = { a: 'Hello {name}', b: 'Booked' };
    const spanish = { a: 'Hola {nombre}' };
    expect(Object.keys(english).filter((key) => !(key in spanish))).toEqual(['b']);
    expect([...placeholders(parse(english.a))]).not.toEqual([...placeholders(parse(spanish.a))]);
    expect([...placeholders(parse('{n, plural, one {# day} other {# days}}'))]).toEqual(['n:plural[one,other]']);
  });
});
