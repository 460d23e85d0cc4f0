/** Whether a key press lands in something the reader is typing into (so `/` types a slash there). */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))
  );
}
