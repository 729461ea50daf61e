import type { Command } from 'commander';
import { createOrganization, getOrganizationBySlug, resolveLocationSlugs } from '../../../services/organizations.ts';
import { createUser, ROLES, type Role } from '../../../services/users.ts';
import { newPasswordFromEnvironment } from '../../../config.ts';
import { CliError } from '../../errors.ts';
import { printJson, printLines, withDatabase } from './shared.ts';

export function registerAdminCommands(program: Command): void {
  program
    .command('org')
    .description('Organisations')
    .command('create')
    .description('Create an organisation')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--slug <slug>', 'short unique name: lowercase letters, digits, hyphens')
    .option('--json', 'print one JSON document')
    .action(async (options: { name: string; slug: string; json?: boolean }) => {
      const org = await withDatabase((db) => createOrganization(db, { name: options.name, slug: options.slug }));
      if (options.json) printJson(org);
      else printLines([`Created organisation ${org.slug} (${org.name}): ${org.id}`]);
    });

  program
    .command('user')
    .description('User accounts')
    .command('create')
    .description(
      'Create a user account; the password comes from KNOTWORK_NEW_PASSWORD or standard input, never an argument',
    )
    .requiredOption('--org <slug>', 'organisation slug')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--name <display>', 'display name')
    .option('--location <slug...>', 'site(s) the account works for (front desk, manager)')
    .option('--patient <id>', 'patient record of a patient account')
    .option('--therapist <id>', 'therapist record of a therapist account')
    .option(
      '--first-password',
      'the password is a first one to hand over: the person must choose their own when they first sign in',
    )
    .option('--json', 'print one JSON document')
    .action(async (options: UserOptions) => {
      if (!(ROLES as readonly string[]).includes(options.role)) {
        throw new CliError(`--role must be one of ${ROLES.join(', ')}, got "${options.role}"`);
      }
      const password = await readNewPassword();
      const user = await withDatabase(async (db) => {
        const org = await getOrganizationBySlug(db, options.org);
        return createUser(db, {
          orgId: org.id,
          email: options.email,
          displayName: options.name,
          role: options.role as Role,
          password,
          patientId: options.patient,
          therapistId: options.therapist,
          locationIds: await resolveLocationSlugs(db, org.id, options.location ?? []),
          mustChangePassword: options.firstPassword === true,
        });
      });
      if (options.json) printJson(user);
      else printLines([user.id]);
    });
}

interface UserOptions {
  org: string;
  email: string;
  role: string;
  name: string;
  location?: string[];
  patient?: string;
  therapist?: string;
  firstPassword?: boolean;
  json?: boolean;
}

/** From the environment or piped in: an argument would end up in shell history and `ps`. */
async function readNewPassword(): Promise<string> {
  const fromEnv = newPasswordFromEnvironment();
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    throw new CliError('no password: set KNOTWORK_NEW_PASSWORD or pipe the password on standard input');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!password) throw new CliError('no password: set KNOTWORK_NEW_PASSWORD or pipe the password on standard input');
  return password;
}
