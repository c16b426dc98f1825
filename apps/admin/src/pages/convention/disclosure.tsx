import { useId, useState, type ReactNode } from 'react';

/**
 * A form that opens under its button (aria-expanded), so that a page of reading is not a page of
 * empty fields. `children` receives `close` to call once the change is saved.
 */
export function Disclosure({
  label,
  children,
  className,
}: {
  label: string;
  children: (close: () => void) => ReactNode;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  // Once saved, the form closes and the keyboard is back where it was: on the button.
  const close = () => {
    setOpen(false);
    document.getElementById(`${id}-toggle`)?.focus();
  };
  return (
    <div className={className ?? 'disclosure'}>
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {label}
      </button>
      <div id={id} hidden={!open}>
        {open && children(close)}
      </div>
    </div>
  );
}

/** A polite confirmation that a change went through. */
export function Saved({ message }: { message: string | null }) {
  return (
    <p className="saved" role="status">
      {message}
    </p>
  );
}
