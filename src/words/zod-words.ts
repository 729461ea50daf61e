/**
 * Imported for its effect: every zod schema in the process reports plain sentences (see issues.ts)
 * instead of validator wording ("Invalid input: expected string, received number"). Imported by the
 * service and HTTP error modules, so whatever parses input is covered.
 */
import { z } from 'zod';
import { plainErrorMap } from './issues.ts';

z.config({ customError: plainErrorMap });
