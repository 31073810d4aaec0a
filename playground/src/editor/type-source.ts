/**
 * Fewer characters than this in one input event are keystrokes (Chromium hands keys typed while the page is busy to
 * Monaco together); this many or more are text inserted whole: a tool's insertText, dictation, a long IME commit.
 */
export const INSERTED_TEXT_MIN_LENGTH = 16;

/**
 * The source Monaco's "type" is given for the text of one input event: "keyboard" applies it a character at a time
 * with Monaco's typing rules (brackets close, Enter indents), anything else inserts it as it came, in one edit.
 */
export function typeSource(text: string): "keyboard" | "input" {
  return [...text].length >= INSERTED_TEXT_MIN_LENGTH ? "input" : "keyboard";
}
