import { useState } from 'react';

/**
 * Copies `text` to the clipboard and says so in a polite live region. Where the browser refuses
 * (no permission, not a secure context), the text to copy is selected so Ctrl+C works.
 */
export function CopyButton({
  text,
  label,
  selectId,
}: {
  text: string;
  /** What is copied, e.g. "link" or "message". */
  label: string;
  /** The element holding the text, selected when the clipboard cannot be used. */
  selectId: string;
}) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`The ${label} has been copied.`);
    } catch {
      const element = document.getElementById(selectId);
      if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
        element.focus();
        element.select();
      } else if (element) {
        window.getSelection()?.selectAllChildren(element);
      }
      setStatus(`Copying is blocked here: the ${label} is selected, press Ctrl+C to copy it.`);
    }
  };
  return (
    <div className="app-copy">
      <button
        type="button"
        className="app-button app-button--secondary"
        onClick={() => void copy()}
      >
        Copy {label}
      </button>
      <span className="app-copy__status" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
