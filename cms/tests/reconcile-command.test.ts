import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_STRAPI_ENV } from './boot-strapi';

const appDir = path.resolve(__dirname, '..');

/** `npm run reconcile` runs `node dist/scripts/reconcile.js`; run that with the test database. */
function reconcile(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(appDir, 'dist/scripts/reconcile.js')], {
      cwd: appDir,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: process.env.DATABASE_URL ?? '',
        ...TEST_STRAPI_ENV,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run reconcile', () => {
  it('prints the drift report as JSON and exits 2 when commerce cannot be asked', async () => {
    // SEED_DEMO: the demo course and its two bundles exist whatever ran before.
    const { code, stdout, stderr } = await reconcile({ COMMERCE_URL: 'http://127.0.0.1:9', COMMERCE_API_KEY: 'sk_unreachable', SEED_DEMO: 'true' });
    expect(code, stderr).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.commerce).toEqual({ url: 'http://127.0.0.1:9', reachable: false, error: expect.stringContaining('is unreachable') });
    expect(report.checked).toBeGreaterThanOrEqual(3);
    const uids = new Set(report.drift.map((d: { uid: string }) => d.uid));
    expect(uids).toEqual(new Set(['plugin::community.course', 'plugin::community.lesson-bundle']));
    expect(report.drift.every((d: { problem: string }) => d.problem === 'check_failed')).toBe(true);
    expect(report.queued).toBe(report.drift.length);
    expect(stderr).toMatch(/reconcile/); // logs went to stderr, keeping stdout parseable
  });

  it('says so when no API key is configured', async () => {
    const { code, stdout } = await reconcile({ COMMERCE_URL: 'http://127.0.0.1:9', COMMERCE_API_KEY: '' });
    expect(code).toBe(2);
    expect(JSON.parse(stdout).commerce.error).toMatch(/COMMERCE_API_KEY is not set/);
  });
});
