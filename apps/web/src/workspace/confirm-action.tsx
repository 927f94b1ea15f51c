// An action that cannot be taken back at a keystroke (delete a row, remove a mandate): asked
// twice, the focus on "Cancel" when asked, and a refusal shown where the action was.
import { useState } from "react";
import { useWs } from "./messages";

export function ConfirmAction({
  heading,
  intro,
  action,
  question,
  yes,
  pending,
  refusal,
  onAsk,
  onConfirm,
}: {
  heading: string;
  intro?: string;
  /** The button that starts it. */
  action: string;
  question: string;
  yes: string;
  pending: boolean;
  /** Why it was refused, if it was. */
  refusal: string | null;
  onAsk?: () => void;
  onConfirm: () => void;
}) {
  const w = useWs();
  const [asking, setAsking] = useState(false);
  return (
    <section className="danger-zone" aria-label={heading}>
      <h3>{heading}</h3>
      {intro && <p>{intro}</p>}
      {refusal && (
        <p className="error" role="alert">
          {refusal}
        </p>
      )}
      {asking ? (
        <p role="alert">
          {question}{" "}
          <button
            type="button"
            disabled={pending}
            onClick={() => {
              setAsking(false);
              onConfirm();
            }}
          >
            {yes}
          </button>{" "}
          <button
            type="button"
            autoFocus
            onClick={() => {
              setAsking(false);
            }}
          >
            {w.cancel}
          </button>
        </p>
      ) : (
        <button
          type="button"
          onClick={() => {
            onAsk?.();
            setAsking(true);
          }}
        >
          {action}
        </button>
      )}
    </section>
  );
}
