import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { isolatedEnv } from './isolatedEnv';
import { chromiumPath } from './paths';

/** The flags real-vscode.md found to work for headless Debian chromium. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserOptions {
  /** @default true */
  headless?: boolean;
  /** @default { width: 1400, height: 900 } */
  viewport?: { width: number; height: number };
}

/** Profile dirs still in use: removed if the runner exits without disposing (Ctrl-C); Playwright kills chromium itself. */
const liveProfiles = new Set<string>();
process.once('exit', () => {
  for (const dir of liveProfiles) fs.rmSync(dir, { recursive: true, force: true });
});

/** Debian chromium driven by playwright-core, with a fresh profile (and HOME, XDG dirs) removed on dispose. */
export class BrowserSession {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly profileDir: string,
  ) {}

  static async launch(options: BrowserOptions = {}): Promise<BrowserSession> {
    if (!fs.existsSync(chromiumPath)) {
      throw new Error(`Chromium not found at ${chromiumPath}. Install it: apt-get install -y chromium (or set JARVIS_CHROMIUM).`);
    }
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jchrome-'));
    liveProfiles.add(profileDir);
    try {
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath,
        headless: options.headless ?? true,
        args: [...CHROMIUM_ARGS],
        viewport: options.viewport ?? { width: 1400, height: 900 },
        // Chromium keeps its certificate store in $HOME/.pki and caches under XDG dirs: all in the profile dir.
        env: isolatedEnv(profileDir, process.env, { HOME: profileDir }) as Record<string, string>,
      });
      const page = context.pages()[0] ?? (await context.newPage());
      return new BrowserSession(context, page, profileDir);
    } catch (e) {
      fs.rmSync(profileDir, { recursive: true, force: true });
      liveProfiles.delete(profileDir);
      throw e;
    }
  }

  async dispose(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      fs.rmSync(this.profileDir, { recursive: true, force: true });
      liveProfiles.delete(this.profileDir);
    }
  }
}
