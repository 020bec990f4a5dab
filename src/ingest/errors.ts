// Ingest's failures: the error an unreadable input raises, and file-system errors turned into reasons a person
// can act on.
/** An input that cannot become a document; `message` is the reason shown to the person who supplied it. */
export class IngestError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'IngestError';
  }
}

/** Turns a Node file-system error into a reason a person can act on. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return `cannot read (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}
