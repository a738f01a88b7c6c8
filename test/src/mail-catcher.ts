import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnService, waitForHttp, type ServiceProcess } from './service-process';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAILDEV_BIN = path.join(REPO_ROOT, 'node_modules/maildev/dist/bin/maildev.js');

export type MailCatcherOptions = {
  smtpPort: number;
  webPort: number;
  host?: string;
  /** Where maildev keeps the messages (each catcher needs its own: maildev's default is shared /tmp/maildev). */
  mailDir: string;
  logDir: string;
  echo?: boolean;
};

export type MailCatcher = {
  /** What commerce sends through (SMTP_URL). */
  smtpUrl: string;
  /** The web inbox (and the REST API under /api). */
  webUrl: string;
  service: ServiceProcess;
  stop(): Promise<void>;
};

/**
 * A local mail catcher (the `maildev` npm package: SMTP + web inbox), run as a child process
 * like the other services. Nothing leaves the machine: every message stays in its inbox.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  await mkdir(options.mailDir, { recursive: true });
  const service = await spawnService({
    name: 'maildev',
    command: process.execPath,
    args: [
      MAILDEV_BIN,
      '--smtp', String(options.smtpPort),
      '--web', String(options.webPort),
      '--ip', host,
      '--web-ip', host,
      '--mail-directory', options.mailDir,
      // A long-running `npm start` keeps the newest thousand, not everything forever.
      '--max-emails', '1000',
    ],
    cwd: REPO_ROOT,
    env: { ...process.env },
    logDir: options.logDir,
    echo: options.echo,
  });
  const webUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${options.webPort}`;
  try {
    await waitForHttp(`${webUrl}/api/healthz`, service, 30_000);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return {
    smtpUrl: `smtp://${host === '0.0.0.0' ? '127.0.0.1' : host}:${options.smtpPort}`,
    webUrl,
    service,
    stop: () => service.stop(),
  };
}

/** One message as maildev's REST API returns it (GET /api/email), reduced to what tests read. */
export type CaughtMail = { id: string; subject: string; text: string; html: string; to: string[]; from: string[] };

type RawMail = {
  id: string;
  subject?: string;
  text?: string;
  html?: string;
  to?: { address: string }[];
  from?: { address: string }[];
};

/** Ids of the messages already there: `waitForMail(…, { after })` skips them. */
export type InboxMark = ReadonlySet<string>;

/** Reads a maildev inbox through its HTTP API (never a mock). */
export function mailbox(webUrl: string) {
  const api = `${webUrl.replace(/\/+$/, '')}/api`;
  const list = async (): Promise<CaughtMail[]> => {
    const response = await fetch(`${api}/email`);
    if (!response.ok) throw new Error(`GET ${api}/email answered ${response.status}`);
    const raw = (await response.json()) as RawMail[];
    return raw.map((m) => ({
      id: m.id,
      subject: m.subject ?? '',
      text: m.text ?? '',
      html: typeof m.html === 'string' ? m.html : '',
      to: (m.to ?? []).map((a) => a.address.toLowerCase()),
      from: (m.from ?? []).map((a) => a.address.toLowerCase()),
    }));
  };
  return {
    list,
    /** Everything to one address, oldest first. */
    async to(address: string): Promise<CaughtMail[]> {
      return (await list()).filter((m) => m.to.includes(address.toLowerCase()));
    },
    async mark(): Promise<InboxMark> {
      return new Set((await list()).map((m) => m.id));
    },
    /**
     * Waits for a message to `address` (not among `after`, matching `subject` if given) and
     * returns the newest such message.
     */
    async waitForMail(
      address: string,
      options: { after?: InboxMark; subject?: RegExp; timeoutMs?: number } = {},
    ): Promise<CaughtMail> {
      const deadline = Date.now() + (options.timeoutMs ?? 30_000);
      for (;;) {
        const found = (await list()).filter(
          (m) =>
            m.to.includes(address.toLowerCase()) &&
            !options.after?.has(m.id) &&
            (!options.subject || options.subject.test(m.subject)),
        );
        if (found.length) return found[found.length - 1];
        if (Date.now() > deadline) {
          throw new Error(`no email to ${address}${options.subject ? ` matching ${options.subject}` : ''} arrived at ${webUrl}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async clear(): Promise<void> {
      await fetch(`${api}/email/all`, { method: 'DELETE' });
    },
  };
}

export type Mailbox = ReturnType<typeof mailbox>;

/** The 6-digit code in a verification email. */
export function codeIn(mail: CaughtMail): string {
  const match = /\b(\d{6})\b/.exec(mail.subject) ?? /\b(\d{6})\b/.exec(mail.text);
  if (!match) throw new Error(`no 6-digit code in "${mail.subject}"`);
  return match[1];
}

/** The storefront reset link in a password-reset email. */
export function resetLinkIn(mail: CaughtMail): string {
  const match = /https?:\/\/\S+\/account\/reset-password\?\S+/.exec(mail.text);
  if (!match) throw new Error(`no reset link in "${mail.subject}"`);
  return match[0];
}
