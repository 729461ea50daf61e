/** An error caused by what the user typed: printed plainly, exit status 2. */
export class CliError extends Error {}
