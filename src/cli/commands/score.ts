import type { Command } from 'commander';
import { isScoreError, MEASURE_IDS, MEASURES, scoreMeasure, scorePsfs } from '../../clinical/measures/index.ts';
import type { ItemAnswer, MeasureId, MeasureScore, PsfsActivity } from '../../clinical/measures/index.ts';
import { CliError } from '../errors.ts';

const NUMBER = /^-?\d+(\.\d+)?$/;

function parseAnswer(token: string, position: number): ItemAnswer {
  if (token === '-') return null;
  if (!NUMBER.test(token)) {
    throw new CliError(`item ${position}: '${token}' is not a number (use - for a skipped item)`);
  }
  return Number(token);
}

/** PSFS answers may be `score` or `activity name=score`. */
function parsePsfs(tokens: string[]): PsfsActivity[] {
  return tokens.map((token, i) => {
    const eq = token.lastIndexOf('=');
    const name = eq >= 0 ? token.slice(0, eq).trim() : '';
    const value = eq >= 0 ? token.slice(eq + 1).trim() : token;
    return { activity: name || `activity ${i + 1}`, score: parseAnswer(value, i + 1) };
  });
}

function render(score: MeasureScore): string {
  const info = MEASURES[score.measure];
  const value =
    score.measure === 'odi'
      ? `${score.score}%`
      : `${score.score} of ${score.maxScore}${score.percent === undefined ? '' : ` (${score.percent}%)`}`;
  const direction = score.higherIsWorse ? 'higher is worse' : 'higher is better';
  const lines = [
    `${info.name}: ${value}${score.band ? ` — ${score.band}` : ''}`,
    `answered ${score.answered}, skipped ${score.skipped}; ${direction}`,
    ...score.notes.map((note) => `  · ${note}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('Score an outcome measure: nprs, ndi, odi or psfs ("-" marks a skipped item)')
    .argument('<measure>', MEASURE_IDS.join(' | '))
    .argument('<answers...>', 'item answers in form order; PSFS also takes "activity=score"')
    .option('--json', 'print one JSON document')
    .action((measureArg: string, tokens: string[], options: { json?: boolean }) => {
      const measure = measureArg.toLowerCase() as MeasureId;
      if (!MEASURE_IDS.includes(measure)) {
        throw new CliError(`measure '${measureArg}' is not one of ${MEASURE_IDS.join(', ')}`);
      }
      let result;
      if (measure === 'psfs') {
        result = scorePsfs(parsePsfs(tokens));
      } else {
        const named = tokens.findIndex((t) => t.includes('='));
        if (named >= 0) throw new CliError(`item ${named + 1}: only PSFS answers take a name (name=score)`);
        result = scoreMeasure(
          measure,
          tokens.map((t, i) => parseAnswer(t, i + 1)),
        );
      }
      if (isScoreError(result)) throw new CliError(`${measure}: ${result.error.message}`);
      process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : render(result));
    });
}
