// The audit log's paging strings, in English and French (a test checks both catalogs match).
import { useLocale } from "../i18n/locale";

export const auditEn = {
  shownOf: (shown: string, total: string) => `${shown} of ${total} entries shown, newest first`,
  showOlder: "Show older entries",
  loadingOlder: "Loading older entries…",
};

export type AuditMessages = typeof auditEn;

export const auditFr: AuditMessages = {
  shownOf: (shown: string, total: string) =>
    `${shown} entrées affichées sur ${total}, les plus récentes d'abord`,
  showOlder: "Afficher des entrées plus anciennes",
  loadingOlder: "Chargement des entrées plus anciennes…",
};

export function useAuditMessages(): AuditMessages {
  return { en: auditEn, fr: auditFr }[useLocale().locale];
}
