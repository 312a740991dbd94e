/**
 * The `relata` command (apps/server/bin/relata.mjs runs this file through tsx):
 *   relata import <accounts|products|orders> <file> --map field=Column,... [--delimiter] [--date-format] [--skip-invalid] [--dry-run]
 *   relata user create --email E --name N --role R --password P
 * It opens the database as `npm start` does (DATABASE_URL, or the embedded PGlite in RELATA_DATA_DIR) and
 * applies migrations first.
 */
import { Command, Option } from 'commander';
import { readConfig } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { readLockHolder } from './db/directory-lock.js';
import { migrateDatabase } from './db/migrate.js';
import { HttpError } from './http/errors.js';
import { prepareImportCommand, runImportCommand, UsageProblem, type ImportCommandOptions } from './modules/imports/import-command.js';
import { roles, type Role } from './modules/users/schema.js';
import { createUser } from './modules/users/service.js';

/**
 * PGlite has no lock between processes: a second process on the server's data directory would silently lose
 * one side's writes. So the CLI refuses while a server holds the directory.
 */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = readConfig();
  if (!config.databaseUrl) {
    const holder = readLockHolder(config.pgliteDir);
    if (holder !== null) {
      throw new UsageProblem(
        `The embedded database in ${config.pgliteDir} is in use by a running Relata server (process ${holder}).\n` +
          'Stop the server and run this again, or import through the running server instead: the web UI (Import) or the API (POST /api/imports).',
      );
    }
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.pgliteDir });
  try {
    await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command('relata').description('Relata CRM from the command line').showHelpAfterError();

program
  .command('import')
  .description('import a CSV (or .csv.gz) file and print a JSON report; nothing is imported if a row is invalid, unless --skip-invalid')
  .argument('<kind>', 'what the file holds: accounts, products or orders (one row per order line)')
  .argument('<file>', 'the .csv or .csv.gz file')
  .option(
    '--map <pairs>',
    'field=Column pairs, comma-separated (repeatable), e.g. order=InvoiceNo,sku=StockCode,date=InvoiceDate (default: the suggested mapping)',
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .option('--delimiter <delimiter>', 'comma (,), semicolon (;), tab or whitespace (default: detected)')
  .option('--date-format <format>', 'how dates are written: tokens YYYY YY M MM D DD H HH mm ss SSS Z, or ISO, or YYYYMMDD; times without an offset are UTC', 'ISO')
  .option('--skip-invalid', 'import the valid rows and list the invalid ones')
  .option('--dry-run', 'read and check every row, write nothing')
  .option('--currency <code>', 'ISO 4217 currency of imported orders, e.g. GBP')
  .option('--as <email>', 'the user recorded as importer in the audit log')
  .action(async (kind: string, file: string, options: ImportCommandOptions) => {
    const request = await prepareImportCommand(kind, file, options);
    process.exitCode = await withDatabase((database) => runImportCommand(database, request, options.as, (text) => process.stdout.write(text + '\n')));
  });

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user who can sign in')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .addOption(new Option('--role <role>', 'role').choices(roles as unknown as string[]).makeOptionMandatory())
  .requiredOption('--password <password>', 'initial password (at least 8 characters)')
  .action(async (options: { email: string; name: string; role: Role; password: string }) => {
    if (options.password.length < 8) throw new UsageProblem('--password needs at least 8 characters');
    const created = await withDatabase((database) => createUser(database.db, options, null));
    process.stdout.write(JSON.stringify(created, null, 2) + '\n');
  });

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof UsageProblem || err instanceof HttpError) {
    process.stderr.write(`relata: ${err.message}\n`);
    process.exitCode = err instanceof HttpError && err.statusCode === 409 ? 1 : 2;
  } else {
    throw err;
  }
}
