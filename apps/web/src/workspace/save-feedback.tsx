// What an editor shows after a save: "Saved (version n)", the server's messages by field, or the
// other version when someone saved first (CONFLICT). Shared by every record editor.
import { useState } from "react";
import { useLocale } from "../i18n/locale";
import { errorInfo, fieldErrorsOf } from "./common";
import type { FieldErrors } from "./common";
import { useWs } from "./messages";

export function useSaveFeedback() {
  const w = useWs();
  const { locale } = useLocale();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return {
    errors,
    conflict,
    message,
    saved(version: number) {
      setErrors({});
      setConflict(null);
      setMessage(w.saved(String(version)));
    },
    /** Shows the refusal; true when it is a conflict (the caller refreshes the record). */
    failed(error: unknown): boolean {
      const info = errorInfo(error, locale);
      if (info.code === "CONFLICT" && info.conflictCurrent) {
        setConflict(info.conflictCurrent);
        setMessage(null);
        return true;
      }
      setErrors(fieldErrorsOf(info));
      setMessage(w.fixErrors);
      return false;
    },
    clearConflict() {
      setConflict(null);
    },
    clearMessage() {
      setMessage(null);
    },
  };
}

export function SaveMessages({ feedback }: { feedback: ReturnType<typeof useSaveFeedback> }) {
  const { message, errors } = feedback;
  return (
    <>
      {message && (
        <p role="status" className={Object.keys(errors).length ? "error" : "ok"}>
          {message}
        </p>
      )}
      {errors._ && <p className="error">{errors._.join(" ")}</p>}
    </>
  );
}
