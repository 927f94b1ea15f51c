import { useLocale } from "../i18n/locale";
import { requestErrorText } from "../i18n/server-text";

export function Loading() {
  const { messages: m } = useLocale();
  return (
    <p role="status" className="state loading">
      {m.loading}
    </p>
  );
}

/**
 * The server did not answer (or refused): say so, show its message (in the interface language
 * when the server coded it), offer to try again.
 */
export function LoadError({
  error,
  retry,
}: {
  error: { message: string; data?: unknown };
  retry: () => void;
}) {
  const { messages: m, locale } = useLocale();
  return (
    <div role="alert" className="state error-state">
      <p>{m.loadFailed}</p>
      <p className="detail">{requestErrorText(error, locale)}</p>
      <button type="button" onClick={retry}>
        {m.retry}
      </button>
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return <p className="state empty">{children}</p>;
}
