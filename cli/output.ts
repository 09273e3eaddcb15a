/**
 * How the CLI answers: a line for people on stdout (progress and notes on stderr), or with
 * `--json` one JSON document on stdout for scripts; and an exit code that says what happened.
 */

export const EXIT = {
  ok: 0,
  /** Atelier refused the request (a 4xx or 5xx), or something unexpected. */
  failed: 1,
  /** The command line itself is wrong (unknown command or option, a bad value). */
  usage: 2,
  /** No credential, or one Atelier does not accept: run `atelier login`. */
  unauthenticated: 3,
  /** The message ended FAILED or CANCELLED. */
  messageFailed: 4,
  /** Atelier could not be reached. */
  unreachable: 5,
} as const;

/** An error the CLI reports in one line and exits with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface Output {
  json: boolean;
  /** The command's result: JSON with `--json`, else the human lines. */
  result(value: unknown, human: () => string[]): void;
  /** A note for people (stderr), never in the JSON. */
  note(line: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(value, human) {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      else for (const line of human()) process.stdout.write(`${line}\n`);
    },
    note(line) {
      process.stderr.write(`${line}\n`);
    },
  };
}

/** The error envelope of an answer (`{error: {code, message}}`), as a CliError with the right exit code. */
export function apiError(response: Response, body: unknown): CliError {
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const message = error?.message ?? `${response.status} ${response.statusText}`;
  return new CliError(
    response.status === 401 ? `${message} (run \`atelier login\`)` : message,
    response.status === 401 ? EXIT.unauthenticated : EXIT.failed,
    { status: response.status, code: error?.code ?? null },
  );
}

/** The data of an openapi-fetch answer, or its error as a CliError. */
export function dataOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data === undefined) throw apiError(answer.response, answer.error);
  return answer.data;
}
