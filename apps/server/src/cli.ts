/**
 * The `relata` command (apps/server/bin/relata.mjs runs this file through tsx):
 *   relata import <accounts|products|orders|tickets|referrals|suggestions|income> <file> --map field=Column,... [--delimiter] [--date-format] [--skip-invalid] [--dry-run]
 *   relata user create --email E --name N --role R --password P
 *   relata analytics run [--as-of DATE]
 *   relata analytics bgnbd --summary FILE | --transactions FILE --customer COL --date COL --calibration-end DATE
 *   relata analytics gammagamma --summary FILE
 *   relata analytics rules --baskets FILE | --transactions FILE --basket COL --item COL  --support S --confidence C [--top N]
 *   relata analytics train --table FILE.csv --target COL [--positive VALUE] [--id COL] [--models logistic,network] [--top N]
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
import { fitBgNbdFile, fitGammaGammaFile, type BgNbdFileOptions } from './modules/analytics/model-files.js';
import { getRun, startRefresh } from './modules/analytics/service.js';
import { mineRulesFromFile, type RulesFileOptions } from './modules/analytics/rules-files.js';
import { trainFromFile, type TrainFileOptions } from './modules/analytics/train-files.js';

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
  .argument('<kind>', 'what the file holds: accounts, products, orders (one row per order line), tickets, referrals, suggestions or income')
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

const analytics = program.command('analytics').description('customer-value analytics');
analytics
  .command('run')
  .description('run a customer-value refresh over the database now, wait for it, and print its summary as JSON')
  .option('--as-of <date>', 'the reference date (YYYY-MM-DD; default today)')
  .action(async (options: { asOf?: string }) => {
    const asOf = options.asOf ? new Date(`${options.asOf}T23:59:59Z`) : undefined;
    if (asOf && Number.isNaN(asOf.getTime())) throw new UsageProblem(`--as-of ${options.asOf} is not a date (YYYY-MM-DD)`);
    const run = await withDatabase(async (database) => {
      const { run, done } = await startRefresh(database, null, { asOf });
      await done;
      return getRun(database.db, run.id);
    });
    process.stdout.write(JSON.stringify({ id: run.id, status: run.status, asOf: run.asOf, error: run.error, summary: run.summary }, null, 2) + '\n');
    if (run.status !== 'done') process.exitCode = 1;
  });
analytics
  .command('bgnbd')
  .description('fit BG/NBD (Fader, Hardie & Lee 2005) on a file and print parameters, log-likelihood and fit time as JSON')
  .option('--summary <file>', 'CSV with one row per customer: frequency (or x), recency (or t_x), T — in weeks')
  .option('--transactions <file>', 'CSV with one row per purchase; summarised per customer and distinct day, in weeks')
  .option('--frequency <col>', 'frequency column of --summary')
  .option('--recency <col>', 'recency column of --summary')
  .option('--T <col>', 'age column of --summary')
  .option('--customer <col>', 'customer column of --transactions')
  .option('--date <col>', 'date column of --transactions')
  .option('--date-format <format>', 'how the dates are written (YYYY MM DD ... or ISO)', 'ISO')
  .option('--amount <col>', 'purchase value column of --transactions')
  .option('--calibration-end <date>', 'last day of the calibration period, in --date-format')
  .action((options: BgNbdFileOptions) => {
    process.stdout.write(JSON.stringify(fitBgNbdFile(options), null, 2) + '\n');
  });
analytics
  .command('gammagamma')
  .description('fit the Gamma-Gamma spend model (Fader, Hardie & Lee 2005) on repeat buyers and print it as JSON')
  .requiredOption('--summary <file>', 'CSV with one row per customer: frequency (or x) and average repeat spend (monetary_value or zbar)')
  .option('--frequency <col>', 'frequency column')
  .option('--monetary <col>', 'average spend column')
  .action((options: { summary: string; frequency?: string; monetary?: string }) => {
    process.stdout.write(JSON.stringify(fitGammaGammaFile(options), null, 2) + '\n');
  });

analytics
  .command('rules')
  .description('mine association rules (FP-growth; single-item consequents as R arules apriori) from a file and print the counts and the top rules by lift as JSON')
  .option('--baskets <file>', 'one basket per line, items separated by commas (labels taken exactly as written)')
  .option('--transactions <file>', 'CSV with a header, one row per order line')
  .option('--basket <col>', 'basket (order/invoice) column of --transactions')
  .option('--item <col>', 'item (product) column of --transactions')
  .requiredOption('--support <fraction>', 'minimum support, a fraction of baskets in [0, 1]')
  .requiredOption('--confidence <fraction>', 'minimum confidence in [0, 1]')
  .option('--top <n>', 'how many rules to list, by lift', '20')
  .action((options: RulesFileOptions) => {
    process.stdout.write(JSON.stringify(mineRulesFromFile(options), null, 2) + '\n');
  });

analytics
  .command('train')
  .description('train a propensity model on a table with a yes/no outcome and print, as JSON, each candidate\'s cross-validated AUC and accuracy (stratified 5-fold, fixed seed), the chosen model, top factors and how the columns were encoded')
  .requiredOption('--table <file>', 'CSV (or .csv.gz) with a header, one row per customer')
  .requiredOption('--target <col>', 'the outcome column (1/0, yes/no, true/false, 是/否, ...)')
  .option('--positive <value>', 'the outcome value to predict (default: recognised from the labels)')
  .option('--id <col>', 'a column identifying the customer (not a feature)')
  .option('--models <names>', 'candidate models, comma-separated: logistic (always trained), network', 'logistic,network')
  .option('--top <n>', 'how many factors to list', '10')
  .action(async (options: TrainFileOptions) => {
    process.stdout.write(JSON.stringify(await trainFromFile(options), null, 2) + '\n');
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
