// Installs Debian packages the test run needs (PostgreSQL server binaries, Chromium) when they
// are missing. CI machines start without them; only root can install, and `apt-get update` runs at
// most once per process because it is the slow part.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

let aptUpdated = false;

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function apt(args, log) {
  log(`$ apt-get ${args.join(' ')}`);
  const r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr || r.stdout || '').slice(-4000)}`);
  }
}

/**
 * Installs `packages` with apt-get (no recommends). Throws with a clear message when not root.
 * Returns the seconds it took.
 */
export function aptInstall(packages, { log = (m) => console.error(`[apt] ${m}`) } = {}) {
  if (!isRoot()) {
    throw new Error(`missing Debian packages ${packages.join(', ')}; install them as root: apt-get install -y ${packages.join(' ')}`);
  }
  if (!existsSync('/usr/bin/apt-get')) throw new Error(`apt-get not found; cannot install ${packages.join(', ')}`);
  const t0 = Date.now();
  if (!aptUpdated) {
    apt(['update', '-q'], log);
    aptUpdated = true;
  }
  apt(['install', '-y', '-q', '--no-install-recommends', ...packages], log);
  const seconds = (Date.now() - t0) / 1000;
  log(`installed ${packages.join(', ')} in ${seconds.toFixed(1)} s`);
  return seconds;
}

export const CHROMIUM_PATH = process.env.RELATA_CHROMIUM || '/usr/bin/chromium';

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

/**
 * Makes sure Debian's Chromium is there for the browser tests, with a CJK font (without one the
 * zh-CN screens render as empty boxes). A missing font alone only warns when we are not root.
 */
export function ensureChromium(opts = {}) {
  const log = opts.log ?? ((m) => console.error(`[apt] ${m}`));
  const missing = [];
  if (!existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-wqy-microhei');
  if (missing.length === 1 && missing[0] === 'fonts-wqy-microhei' && !isRoot()) {
    log('no CJK font installed: Chinese text will show as boxes in screenshots (apt-get install fonts-wqy-microhei)');
    return CHROMIUM_PATH;
  }
  if (missing.length) aptInstall(missing, { log });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`chromium installed but ${CHROMIUM_PATH} is missing`);
  return CHROMIUM_PATH;
}
