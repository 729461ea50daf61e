// Rules that name places on the body: recent surgery and local issues (wounds, veins, lumps…).
import type { LocalIssueKind } from './answers.ts';
import { daysBetween } from '../../time/index.ts';
import { found, notKnown } from './rule-helpers.ts';
import { cite } from './sources.ts';
import type { RuleFinding, RuleOutcome, ScreeningRule } from './types.ts';

/**
 * Healing windows after surgery, in days since the operation (day 0 = the surgery date).
 * Up to 6 weeks: clearance and the site untouched. Weeks 7-12: treat, but no deep work on the
 * site (a wound has only a fraction of its strength in the first weeks and gains slowly for months,
 * Levenson 1965). After 12 weeks: no rule; scar work is a treatment choice.
 */
export const SURGERY_CLEARANCE_DAYS = 42;
export const SURGERY_CAUTION_DAYS = 84;

const surgerySource = cite('levenson1965', 'werner', 'walton2011');

export const recentSurgeryRule: ScreeningRule = {
  id: 'recent-surgery',
  title: 'Recent surgery (6 and 12 week windows)',
  decision: 'refer',
  evidence: 'consensus',
  source: surgerySource,
  evaluate(answers, context) {
    if (answers.surgeries === undefined)
      return [
        notKnown({
          question: 'surgeries',
          why: "recent surgery not asked: surgery within 6 weeks needs the surgeon's clearance",
          gates: 'refer',
        }),
      ];
    const out: RuleOutcome[] = [];
    for (const surgery of answers.surgeries) {
      const days = daysBetween(surgery.date, context.today);
      const label = `${surgery.what} on ${surgery.date}`;
      const regions = [...new Set(surgery.regions ?? [])].sort();
      if (days < 0) {
        out.push(
          notKnown({
            question: 'surgeries[].date',
            why: `${label} is after today: a scheduled or mistyped date; confirm before treating`,
            gates: 'refer',
          }),
        );
        continue;
      }
      if (days > SURGERY_CAUTION_DAYS) continue;
      if (days <= SURGERY_CLEARANCE_DAYS) {
        out.push(
          found({
            rule: 'recent-surgery',
            decision: 'refer',
            reason:
              `${label}, ${days} days ago (within ${SURGERY_CLEARANCE_DAYS}): clots and an unhealed site are ` +
              `the risk`,
            source: surgerySource,
            clearance: {
              needed: true,
              scope: `surgeon clears massage after ${surgery.what} and names any areas or positions to avoid`,
            },
          }),
        );
        if (regions.length > 0)
          out.push(
            found({
              rule: 'recent-surgery',
              decision: 'local',
              reason: `${label}: do not treat the surgical site`,
              source: surgerySource,
              regions,
            }),
          );
      } else {
        const finding: RuleFinding = {
          rule: 'recent-surgery',
          decision: 'caution',
          reason: `${label}, ${days} days ago (weeks 7-12): the site is closed but still weak`,
          source: surgerySource,
          techniqueChanges: ['no deep pressure, friction or stretch across the surgical site'],
        };
        if (regions.length > 0) finding.regions = regions;
        out.push(found(finding));
      }
      if (regions.length === 0)
        out.push(
          notKnown({
            question: 'surgeries[].regions',
            why: `${label}: the site is not marked on the body map`,
            gates: days <= SURGERY_CLEARANCE_DAYS ? 'local' : 'caution',
          }),
        );
    }
    return out;
  },
};

interface LocalIssueRule {
  why: string;
  /** Some local issues also need a physician: a lump never evaluated, an aneurysm, phlebitis. */
  refer?: { why: string; scope: string; source?: string };
}

const LOCAL_ISSUES: Record<LocalIssueKind, LocalIssueRule> = {
  'open-wound': { why: 'infection risk and the wound edges can reopen' },
  burn: { why: 'damaged skin tears and infects easily' },
  bruise: { why: 'pressure can restart bleeding in the tissue' },
  'skin-infection': { why: 'touch spreads the infection' },
  'acute-inflammation': { why: 'pressure and heat add to inflammation' },
  'acute-sprain': { why: 'torn fibres need the first days of rest and swelling control' },
  'recent-fracture': {
    why: 'the bone is not yet united',
    refer: {
      why: 'a recent fracture is under medical care',
      scope: 'treating physician clears work near the fracture',
    },
  },
  'varicose-veins': { why: 'distended veins with slow flow: pressure can damage them or a clot within' },
  phlebitis: {
    why: 'an inflamed vein may hold a clot',
    refer: {
      why: 'superficial vein clots often come with a deep clot',
      scope: 'physician rules out deep vein thrombosis',
      source: cite('decousus2010'),
    },
  },
  aneurysm: {
    why: 'pressure over a weakened artery wall is dangerous',
    refer: {
      why: 'an aneurysm must be known to and monitored by a physician',
      scope: 'physician clears treatment near the aneurysm',
    },
  },
  tumour: { why: "no deep pressure over a tumour without the oncology team's approval" },
  'undiagnosed-lump': {
    why: 'a lump of unknown nature is left alone',
    refer: { why: 'an unexplained lump needs medical evaluation', scope: 'physician evaluates the lump' },
  },
  'irradiated-skin': { why: 'irradiated skin is fragile and slow to heal' },
  'implanted-device': { why: 'no pressure over a pacemaker, port, pump or stimulator' },
};

const localSource = cite('werner', 'batavia2004', 'nccih');

export const localIssuesRule: ScreeningRule = {
  id: 'local-issues',
  title: 'Local issues: treat elsewhere, not here',
  decision: 'refer',
  evidence: 'consensus',
  source: localSource,
  evaluate(answers) {
    if (answers.localIssues === undefined)
      return [
        notKnown({
          question: 'localIssues',
          why: 'wounds, bruises, veins, lumps and other local issues not asked: their sites must be avoided',
          gates: 'local',
        }),
      ];
    const out: RuleOutcome[] = [];
    for (const issue of answers.localIssues) {
      const spec = LOCAL_ISSUES[issue.kind];
      const regions = [...new Set(issue.regions)].sort();
      const note = issue.note ? ` (${issue.note})` : '';
      if (regions.length > 0)
        out.push(
          found({
            rule: 'local-issues',
            decision: 'local',
            reason: `${issue.kind}${note}: ${spec.why}`,
            source: localSource,
            regions,
          }),
        );
      else
        out.push(
          notKnown({
            question: 'localIssues[].regions',
            why: `${issue.kind}${note} reported without a place on the body map`,
            gates: 'local',
          }),
        );
      if (spec.refer)
        out.push(
          found({
            rule: 'local-issues',
            decision: 'refer',
            reason: `${issue.kind}${note}: ${spec.refer.why}`,
            source: spec.refer.source ?? localSource,
            clearance: { needed: true, scope: spec.refer.scope },
            ...(regions.length > 0 ? { regions } : {}),
          }),
        );
    }
    return out;
  },
};

export const LOCAL_RULES: readonly ScreeningRule[] = [recentSurgeryRule, localIssuesRule];
