/**
 * Where file parts go while a form is parsed. The core keeps them in memory (browsers, workers); the Node adapter
 * gives each request a spooler writing parts larger than `spoolMaxSize` to a temporary file, as Starlette's
 * `SpooledTemporaryFile` does.
 * @packageDocumentation
 */

/** One file being received: bytes are written in order, then it becomes a `Blob` (or is thrown away). */
export interface SpoolFile {
  /** Appends bytes (awaited before the next chunk is read: the disk sets the pace, not memory). */
  write(chunk: Uint8Array): Promise<void>;
  /** Ends the file and returns its content as a `Blob` of the given type. */
  finish(type: string): Promise<Blob>;
  /** Removes the file (after the response, or when parsing fails). Safe to call more than once. */
  discard(): Promise<void>;
}

/** Creates {@link SpoolFile}s: the host's temporary storage for large uploads. */
export interface Spooler {
  create(): Promise<SpoolFile>;
}
