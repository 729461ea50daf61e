import { z } from 'zod';
import { text } from '../common.ts';
import { TEXT_LIMITS as LIMIT } from '../../words/limits.ts';

export const OverrideSchema = z.strictObject({ reason: text(LIMIT.longReason) });
