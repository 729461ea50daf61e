import { z } from 'zod';
import { text } from '../common.ts';

export const OverrideSchema = z.strictObject({ reason: text(2000) });
