/**
 * A real speech engine for the browsers under test: Debian's speech-dispatcher with its espeak-ng voices,
 * playing into a PulseAudio null sink (no sound card here). Both are started for the test, on sockets of
 * their own in a temporary folder, and stopped after it; the browsers reach them through SPEECHD_ADDRESS and
 * PULSE_SERVER (Chromium also needs --enable-speech-dispatcher: it leaves speech-dispatcher off on Linux
 * unless asked). The null sink plays in real time, so an utterance lasts as long as it takes to say, and
 * what is playing can be measured from the sink's monitor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NEEDED = ['/usr/bin/speech-dispatcher', '/usr/lib/speech-dispatcher-modules/sd_espeak-ng', '/usr/bin/pulseaudio', '/usr/bin/parec'];

/** Why real speech cannot run here, or null when it can. .ci/run installs the packages. */
export function speechMissing(): string | null {
  const missing = NEEDED.filter((file) => !existsSync(file));
  return missing.length === 0 ? null : `${missing.join(', ')} missing: apt-get install -y speech-dispatcher speech-dispatcher-espeak-ng pulseaudio`;
}

/** The Chromium flag that lets it use speech-dispatcher. */
export const CHROMIUM_SPEECH_FLAG = '--enable-speech-dispatcher';

export interface SpeechService {
  /** For the browser's environment. */
  env: Record<string, string>;
  /** The loudest sample played into the sink during the next `ms` (0 to 32767): 0 is silence. */
  loudness(ms: number): Promise<number>;
  close(): Promise<void>;
}

async function until(what: string, test: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`${what} did not start within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

export async function startSpeechService(): Promise<SpeechService> {
  const dir = await mkdtemp(join(tmpdir(), 'readonce-speech-'));
  const children: ChildProcess[] = [];
  const output: string[] = [];
  const keep = (name: string, child: ChildProcess) => {
    children.push(child);
    child.stdout?.on('data', (chunk: Buffer) => output.push(`${name}: ${chunk}`));
    child.stderr?.on('data', (chunk: Buffer) => output.push(`${name}: ${chunk}`));
    return child;
  };
  try {
    const pulseSocket = join(dir, 'pulse.sock');
    const speechSocket = join(dir, 'speechd.sock');
    await mkdir(join(dir, 'home'));
    await mkdir(join(dir, 'run'), { mode: 0o700 });
    keep(
      'pulseaudio',
      spawn('/usr/bin/pulseaudio', ['-n', '--daemonize=no', '--exit-idle-time=-1', '--use-pid-file=false', '--disable-shm=true', '--log-target=stderr', '-L', 'module-null-sink sink_name=readonce', '-L', `module-native-protocol-unix socket=${pulseSocket} auth-anonymous=1`], {
        env: { ...process.env, HOME: join(dir, 'home'), XDG_RUNTIME_DIR: join(dir, 'run') },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    await until(`pulseaudio (${output.join('').slice(-300)})`, () => existsSync(pulseSocket), 15_000);
    // Debian's configuration, with espeak-ng as the voice and PulseAudio (our null sink) as the output.
    await cp('/etc/speech-dispatcher', join(dir, 'speechd'), { recursive: true });
    await appendFile(join(dir, 'speechd', 'speechd.conf'), '\nAudioOutputMethod "pulse"\nDefaultModule espeak-ng\n');
    await mkdir(join(dir, 'log'));
    keep(
      'speech-dispatcher',
      spawn('/usr/bin/speech-dispatcher', ['-s', '-l', '1', '-L', join(dir, 'log'), '-c', 'unix_socket', '-S', speechSocket, '-C', join(dir, 'speechd'), '-t', '0'], {
        env: { ...process.env, PULSE_SERVER: `unix:${pulseSocket}`, HOME: join(dir, 'home') },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    await until(`speech-dispatcher (${output.join('').slice(-300)})`, () => existsSync(speechSocket), 15_000);
    const env = { SPEECHD_ADDRESS: `unix_socket:${speechSocket}`, PULSE_SERVER: `unix:${pulseSocket}` };
    return {
      env,
      loudness: (ms) =>
        new Promise((resolve, reject) => {
          const rec = spawn('/usr/bin/parec', ['-d', 'readonce.monitor', '--raw', '--format=s16le', '--channels=1', '--rate=8000', '--latency-msec=50'], {
            env: { ...process.env, PULSE_SERVER: env.PULSE_SERVER },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let peak = 0;
          let odd: number | null = null;
          rec.stdout.on('data', (chunk: Buffer) => {
            let bytes = odd === null ? chunk : Buffer.concat([Buffer.from([odd]), chunk]);
            odd = bytes.length % 2 === 1 ? bytes[bytes.length - 1]! : null;
            if (odd !== null) bytes = bytes.subarray(0, bytes.length - 1);
            for (let i = 0; i < bytes.length; i += 2) peak = Math.max(peak, Math.abs(bytes.readInt16LE(i)));
          });
          rec.once('error', reject);
          setTimeout(() => {
            rec.kill('SIGTERM');
            resolve(peak);
          }, ms);
        }),
      close: async () => {
        for (const child of children.reverse()) await stop(child);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const child of children.reverse()) await stop(child);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
