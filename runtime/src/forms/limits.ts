import { HTTPException } from "../exceptions.ts";

/**
 * Bounds on a parsed form (Starlette's `request.form(max_files=, max_fields=, max_part_size=)`), set for an app with
 * the `FastAPI` options of the same names or per call with `request.form(limits)`.
 */
export interface FormLimits {
  /** Most fields (non-file parts, or `name=value` pairs) in one form (default 1000). */
  maxFields: number;
  /** Most files in one multipart form (default 1000). */
  maxFiles: number;
  /** Largest non-file part of a multipart form, in bytes (default 1 MiB). Files are bounded by `maxBodySize`. */
  maxPartSize: number;
  /** Largest header block of one multipart part, in bytes (default 16 KiB). */
  maxPartHeaderSize: number;
  /** A file larger than this (bytes) is written to a temporary file where the host has one (default 1 MiB). */
  spoolMaxSize: number;
}

/** The defaults: Starlette's `max_fields`, `max_files`, `max_part_size` and `spool_max_size`. */
export const defaultFormLimits: Readonly<FormLimits> = Object.freeze({
  maxFields: 1000,
  maxFiles: 1000,
  maxPartSize: 1024 * 1024,
  maxPartHeaderSize: 16 * 1024,
  spoolMaxSize: 1024 * 1024,
});

/** A form that cannot be parsed or breaks a limit: 400 with Starlette's message as `detail`. */
export function formError(message: string): HTTPException {
  return new HTTPException(400, { detail: message });
}

export const tooManyFields = (max: number): HTTPException => formError(`Too many fields. Maximum number of fields is ${max}.`);
export const tooManyFiles = (max: number): HTTPException => formError(`Too many files. Maximum number of files is ${max}.`);
export const partTooLarge = (max: number): HTTPException => formError(`Part exceeded maximum size of ${Math.floor(max / 1024)}KB.`);
