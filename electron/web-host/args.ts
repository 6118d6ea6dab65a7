export interface WebHostArgs {
  dataDir?: string;
  port?: number;
  demo: boolean;
  open: boolean;
}

export type ParsedArgs = { ok: true; args: WebHostArgs } | { ok: false; message: string };

export const USAGE = 'Usage: npm run web -- [--data-dir DIR] [--port N] [--demo] [--no-open]';

/** Parses `npm run web -- [--data-dir DIR] [--port N] [--demo] [--no-open]`. */
export function parseWebHostArgs(argv: readonly string[]): ParsedArgs {
  const args: WebHostArgs = { demo: false, open: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i] ?? '');
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--data-dir': {
        const dir = value();
        if (!dir) return { ok: false, message: `--data-dir needs a folder.\n${USAGE}` };
        args.dataDir = dir;
        break;
      }
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!raw || !Number.isInteger(port) || port < 0 || port > 65535) {
          return { ok: false, message: `--port needs a number from 0 to 65535 (0 picks a free port).\n${USAGE}` };
        }
        args.port = port;
        break;
      }
      case '--demo':
        args.demo = true;
        break;
      case '--no-open':
        args.open = false;
        break;
      case '--help':
      case '-h':
        return { ok: false, message: USAGE };
      default:
        return { ok: false, message: `Unknown option ${flag}.\n${USAGE}` };
    }
  }
  return { ok: true, args };
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}
