import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

export type ServiceProcess = {
  name: string;
  child: ChildProcess;
  /** The last lines the service printed, for error messages. */
  tail(): string;
  /** Resolves when the process has exited; never rejects. */
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
};

export type SpawnServiceOptions = {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logDir: string;
  /** Also echo output, prefixed with the service name (for `npm start`). */
  echo?: boolean;
};

/** Starts one service as a child process, logging to `<logDir>/<name>.log`. */
export async function spawnService(options: SpawnServiceOptions): Promise<ServiceProcess> {
  await mkdir(options.logDir, { recursive: true });
  const logFile: WriteStream = createWriteStream(path.join(options.logDir, `${options.name}.log`), { flags: 'a' });
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    logFile.write(text);
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 60) recent.shift();
      if (options.echo) process.stdout.write(`[${options.name}] ${line}\n`);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      logFile.end();
      resolve(code);
    });
    child.on('error', (error) => {
      recent.push(String(error));
      resolve(-1);
    });
  });

  return {
    name: options.name,
    child,
    exited,
    tail: () => recent.join('\n'),
    async stop(timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion; throws with its output when it fails. */
export async function runToCompletion(options: SpawnServiceOptions): Promise<void> {
  const service = await spawnService(options);
  const code = await service.exited;
  if (code !== 0) {
    throw new Error(`${options.name} failed (exit ${code}). Last output:\n${service.tail()}`);
  }
}

/** Polls a URL until it answers with a status below 500, or the process dies, or time runs out. */
export async function waitForHttp(url: string, service: ServiceProcess | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void service?.exited.then((code) => {
    exitCode = code;
  });
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`${service!.name} exited (code ${exitCode}) before ${url} answered. Last output:\n${service!.tail()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)}s.${service ? ` Last output of ${service.name}:\n${service.tail()}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
